import { describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { auditLog, sessions, users } from '../../db/schema';
import { DEMO_PASSWORD, insertOrganisation, insertUser } from '../../db/factories';
import { testDb } from '../../test/db';
import { Invalid } from '../errors';
import { resolveSession, startSession } from '../auth/sessions';
import { MAX_FAILURES, SIGN_IN_MESSAGES, verifyCredentials } from '../auth/verify-credentials';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { execute } from '../use-cases/execute';
import { ChangePasswordSchema, type ChangePasswordInput } from './change-password';
import { accountUseCases } from './use-cases';

/** Through the executor, as every entry point calls it. */
const changePassword = (db: Db, actor: Actor, input: ChangePasswordInput) => execute({ db, actor }, accountUseCases.changePassword, input);

const NEW = 'plum orchard lantern';

async function setup(role: 'navigator' | 'carer' = 'navigator') {
  const db = testDb();
  const org = role === 'carer' ? null : await insertOrganisation(db, { kind: 'navigator_team', name: 'Riverside Navigators' });
  const user = await insertUser(db, { role, organisationId: org?.id ?? null, email: 'jo.bloggs@example.test', name: 'Jo Bloggs' });
  const here = await startSession(db, user.id);
  const elsewhere = await startSession(db, user.id);
  const actor = (await resolveSession(db, here))!;
  return { db, user, here, elsewhere, actor };
}

const input = (overrides: Partial<Record<'currentPassword' | 'newPassword' | 'confirmPassword', string>> = {}) =>
  ChangePasswordSchema.parse({ currentPassword: DEMO_PASSWORD, newPassword: NEW, confirmPassword: NEW, ...overrides });

async function invalid(call: Promise<unknown>): Promise<Invalid> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return error as Invalid;
}

const hashOf = async (db: ReturnType<typeof testDb>, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)).get())!.passwordHash;

describe('changePassword (#16 finding 17: every user can change their password)', () => {
  it.each(['navigator', 'carer'] as const)(
    'a %s changes it: the new one signs in, the old one does not, other sessions end and this one stays',
    async (role) => {
      const { db, user, here, elsewhere, actor } = await setup(role);
      expect(await changePassword(db, actor, input())).toEqual({ endedSessions: 1 });
      expect(await verifyCredentials(db, user.email, NEW)).toEqual({ ok: true, userId: user.id });
      expect(await verifyCredentials(db, user.email, DEMO_PASSWORD)).toEqual({ ok: false, error: 'invalid' });
      expect(await db.select().from(sessions).where(eq(sessions.id, elsewhere)).get()).toMatchObject({ endedReason: 'password_changed' });
      expect(await resolveSession(db, here)).toMatchObject({ userId: user.id, sessionId: here });
      // Two decisions, one row each: the check of the current password (as at sign-in) and the change itself.
      const rows = await db
        .select({ action: auditLog.action, rule: auditLog.rule, outcome: auditLog.outcome })
        .from(auditLog)
        .where(and(eq(auditLog.userId, user.id), like(auditLog.action, 'account.%')))
        .all();
      expect(rows).toEqual([
        { action: 'account.checkPassword', rule: 'password', outcome: 'granted' },
        { action: 'account.changePassword', rule: 'own', outcome: 'granted' },
      ]);
    },
  );

  it('clears an administrator’s temporary password flag', async () => {
    const { db, user, here } = await setup();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id)).run();
    const actor = (await resolveSession(db, here))!;
    expect(actor.mustChangePassword).toBe(true);
    await changePassword(db, actor, input());
    expect((await resolveSession(db, here))!.mustChangePassword).toBe(false);
  });

  it('refuses a wrong current password through sign-in’s check: audited, counted and locked out together', async () => {
    const { db, user, elsewhere, actor } = await setup();
    const before = await hashOf(db, user.id);
    const wrong = await invalid(changePassword(db, actor, input({ currentPassword: 'not my password at all' })));
    expect([wrong.field, wrong.message]).toEqual(['currentPassword', 'Current password: this is not your current password']);
    expect(await db.select({ rule: auditLog.rule }).from(auditLog).where(eq(auditLog.action, 'account.checkPassword')).all()).toEqual([
      { rule: 'wrong_password' },
    ]);
    for (let i = 1; i < MAX_FAILURES - 1; i++)
      await changePassword(db, actor, input({ currentPassword: 'not my password at all' })).catch(() => null);
    const locking = await invalid(changePassword(db, actor, input({ currentPassword: 'not my password at all' })));
    expect(locking.message).toBe(SIGN_IN_MESSAGES.locked);
    // Locked: even the right current password is refused, here as at sign-in.
    expect((await invalid(changePassword(db, actor, input()))).message).toBe(SIGN_IN_MESSAGES.locked);
    expect(await verifyCredentials(db, user.email, DEMO_PASSWORD)).toEqual({ ok: false, error: 'locked' });
    expect(await hashOf(db, user.id)).toBe(before);
    expect((await db.select().from(sessions).where(eq(sessions.id, elsewhere)).get())!.endedAt).toBeNull();
  });

  it('refuses a weak, reused or mistyped new password, naming the field, and changes nothing', async () => {
    const problems = (v: Record<string, string>) =>
      ChangePasswordSchema.safeParse({ currentPassword: DEMO_PASSWORD, newPassword: NEW, confirmPassword: NEW, ...v }).error?.issues.map(
        (i) => [i.path.join('.'), i.message],
      );
    expect(problems({ newPassword: 'aaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaa' })).toEqual([
      ['newPassword', 'New password: repeated letters or numbers like "aaa" are easy to guess. Add another word or two.'],
    ]);
    expect(problems({ newPassword: 'password1234', confirmPassword: 'password1234' })?.[0]?.[1]).toMatch(
      /^New password: .*common password/,
    );
    expect(problems({ currentPassword: NEW })).toEqual([
      ['newPassword', 'New password: choose a password different from your current one'],
    ]);
    expect(problems({ confirmPassword: 'plum orchard lanterns' })).toEqual([
      ['confirmPassword', 'Confirm new password: the two new passwords are not the same'],
    ]);
    expect(problems({ currentPassword: '' })).toEqual([['currentPassword', 'Current password: enter your current password']]);

    // The person's own name, email and organisation are only known to the use case.
    const { db, user, actor } = await setup();
    const before = await hashOf(db, user.id);
    for (const own of ['Jo Bloggs garden 1970', 'riverside navigators rule']) {
      const error = await invalid(changePassword(db, actor, input({ newPassword: own, confirmPassword: own })));
      expect([error.field, error.message]).toEqual([
        'newPassword',
        'New password: it must not contain your name, email address or organisation. Add another word or two.',
      ]);
    }
    expect(await hashOf(db, user.id)).toBe(before);
  });
});
