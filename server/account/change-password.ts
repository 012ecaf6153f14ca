import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { hashPassword } from '../auth/password';
import { PASSWORD_MAX_LENGTH, checkNewPassword, passwordPolicyProblem } from '../auth/password-policy';
import { endOtherSessions } from '../auth/sessions';
import { signInMessage, verifyCredentials } from '../auth/verify-credentials';
import { Invalid, NotFound } from '../errors';
import { ALL_AT_ONCE, parsed } from '../validation';

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Current password: enter your current password' })
      .min(1, 'Current password: enter your current password')
      .max(PASSWORD_MAX_LENGTH, 'Current password: this is not your current password'),
    newPassword: z.string({ error: 'New password: enter a new password' }),
    confirmPassword: z.string({ error: 'Confirm new password: type your new password again' }),
  })
  .superRefine((v, ctx) => {
    if (!parsed(ctx, 'newPassword')) return;
    checkNewPassword(ctx, v.newPassword, { path: 'newPassword', label: 'New password' });
    if (v.newPassword && v.newPassword === v.currentPassword && parsed(ctx, 'currentPassword')) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'New password: choose a password different from your current one' });
    }
    if (v.confirmPassword !== v.newPassword && parsed(ctx, 'confirmPassword')) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Confirm new password: the two new passwords are not the same' });
    }
  }, ALL_AT_ONCE);
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const PASSWORD_CHANGED_MESSAGE =
  'Your password has been changed. You have been signed out everywhere else: use your new password next time you sign in.';

/**
 * A signed-in user (staff or carer) replaces their password. The current password is checked by
 * verifyCredentials, exactly as at sign-in (lock-out, audited as 'account.checkPassword'), so a
 * borrowed or stolen session cannot take over the account or guess the password outside the lock-out.
 * Every other session of the user ends (whoever else knew the old password is signed out); this one stays.
 */
export async function prepareChangePassword(db: Db, actor: Actor, input: ChangePasswordInput, now = Date.now()): Promise<string> {
  const user = await db
    .select({ id: users.id, email: users.email, name: users.name, organisation: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, actor.userId))
    .get();
  if (!user) throw new NotFound('Your account does not exist.');
  // The person's own details are only known here, so the policy is checked again with them.
  const problem = passwordPolicyProblem(input.newPassword, [user.name, user.email, user.organisation], 'New password');
  if (problem) throw new Invalid('newPassword', problem);
  // The password check is its own audited decision (as at sign-in), under its own name.
  const checked = await verifyCredentials(db, user.email, input.currentPassword, now, 'account.checkPassword', actor.ip ?? null);
  if (!checked.ok) {
    throw new Invalid(
      'currentPassword',
      checked.error === 'invalid' ? 'Current password: this is not your current password' : signInMessage(checked),
    );
  }
  // Hashed before the transaction: slow, and a transaction holds the write lock while it runs.
  return hashPassword(input.newPassword);
}

/** Stores the new password (checked and hashed by prepareChangePassword) and ends every other session. */
export async function changePassword(db: Db, actor: Actor, passwordHash: string, now = Date.now()): Promise<{ endedSessions: number }> {
  return await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.userId)).run();
    const endedSessions = await endOtherSessions(tx, actor.userId, actor.sessionId, 'password_changed', now);
    actor.access?.audit?.detail(`other sessions ended: ${endedSessions}`);
    return { endedSessions };
  });
}
