import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import type { Db } from '../../db/client';
import { insertOrganisation, insertUser } from '../../db/factories';
import { testDb } from '../../test/db';
import { authOptions } from './options';
import { sessionHandle, startSession } from './sessions';

const request = vi.hoisted((): { cookie?: string; db?: unknown } => ({}));
vi.mock('next/headers', () => ({
  cookies: () => Promise.resolve({ get: () => (request.cookie ? { value: request.cookie } : undefined) }),
  headers: () => Promise.resolve(new Headers()),
}));
vi.mock('../../db/connection', () => ({ getDb: () => request.db }));

const SECRET = 'test-only-secret-0123456789-0123456789';

describe('the session as the browser sees it (/api/auth/session)', () => {
  it('carries no session id, only when it expires', async () => {
    const session = await authOptions.callbacks!.session!({
      session: { expires: '2026-12-01T00:00:00.000Z', user: { name: 'A', email: 'a@example.test' } },
      token: { sid: 'the-secret-session-id', sub: 'user-1' },
      user: { id: 'user-1', email: 'a@example.test', emailVerified: null },
      newSession: undefined,
      trigger: 'update',
    });
    expect(session).toEqual({ expires: '2026-12-01T00:00:00.000Z' });
    expect(JSON.stringify(session)).not.toContain('the-secret-session-id');
  });

  it('keeps the session id in the (encrypted) token', async () => {
    const token = await authOptions.callbacks!.jwt!({ token: { sub: 'user-1' }, user: { id: 'user-1', sid: 'sid-1' }, account: null });
    expect(token.sid).toBe('sid-1');
  });
});

describe('getActor', () => {
  let db: Db;
  beforeEach(() => {
    vi.stubEnv('NEXTAUTH_SECRET', SECRET);
    db = testDb();
    request.db = db;
    request.cookie = undefined;
  });

  it('reads the session id from the encrypted cookie, not from the browser-facing session', async () => {
    const org = await insertOrganisation(db, { kind: 'navigator_team' });
    const user = await insertUser(db, { role: 'navigator', organisationId: org.id });
    const sid = await startSession(db, user.id);
    request.cookie = await encode({ token: { sub: user.id, sid }, secret: SECRET });
    const { getActor } = await import('./get-actor');
    const actor = await getActor();
    expect(actor).toMatchObject({ userId: user.id, role: 'navigator', sessionHandle: sessionHandle(sid) });
    // The handle a page may show is not the id that authenticates.
    expect(actor?.sessionHandle).not.toBe(sid);
  });

  it('is signed out without a cookie, or with one not made with the secret', async () => {
    const { getActor } = await import('./get-actor');
    await expect(getActor()).resolves.toBeNull();
    request.cookie = await encode({ token: { sid: 'x' }, secret: 'another-secret-0123456789-0123456789' });
    await expect(getActor()).resolves.toBeNull();
  });
});
