import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, insertOrganisation, insertUser } from '../db/factories';
import type { Db } from '../db/client';
import type { Actor } from '../server/access/actor';
import { createCaller } from '../server/trpc/app-router';
import { resolveSession, startSession } from '../server/auth/sessions';
import { testDb } from './db';

// The server action runs inside Next; here its caller is the real API's, on the test database.
const state: { db: Db | null; actor: Actor | null } = { db: null, actor: null };
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('../server/auth/request-context', () => ({
  serverCaller: () => Promise.resolve({ actor: state.actor, caller: createCaller({ db: state.db!, actor: state.actor }) }),
}));

const { changePasswordAction } = await import('../app/account/password/actions');

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

beforeEach(async () => {
  const db = testDb();
  const org = await insertOrganisation(db, { kind: 'navigator_team' });
  const user = await insertUser(db, { role: 'navigator', organisationId: org.id, mustChangePassword: true });
  state.db = db;
  state.actor = await resolveSession(db, await startSession(db, user.id));
});

describe('the change-password form’s action', () => {
  it('names the field with the problem and never sends a password back to the page', async () => {
    const weak = await changePasswordAction(
      null,
      form({ currentPassword: DEMO_PASSWORD, newPassword: 'aaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaa' }),
    );
    expect(weak).toMatchObject({
      ok: false,
      values: {},
      fieldErrors: { newPassword: [expect.stringMatching(/^New password: repeated/) as unknown] },
    });
    const wrong = await changePasswordAction(
      null,
      form({ currentPassword: 'not my password at all', newPassword: 'plum orchard lantern', confirmPassword: 'plum orchard lantern' }),
    );
    expect(wrong).toMatchObject({
      ok: false,
      values: {},
      fieldErrors: { currentPassword: ['Current password: this is not your current password'] },
    });
  });

  it('confirms the change, and the temporary-password flag is gone', async () => {
    const done = await changePasswordAction(
      null,
      form({ currentPassword: DEMO_PASSWORD, newPassword: 'plum orchard lantern', confirmPassword: 'plum orchard lantern' }),
    );
    expect(done).toMatchObject({ ok: true, message: expect.stringMatching(/^Your password has been changed\./) as unknown });
    expect((await resolveSession(state.db!, state.actor!.sessionId!))!.mustChangePassword).toBe(false);
  });

  it('sends the signed-out to sign in', async () => {
    state.actor = null;
    await expect(changePasswordAction(null, form({}))).rejects.toThrow('redirect /login');
  });
});
