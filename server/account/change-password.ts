import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/password';
import { PASSWORD_MAX_LENGTH, checkNewPassword, passwordPolicyProblem } from '../auth/password-policy';
import { endOtherSessions } from '../auth/sessions';
import { SIGN_IN_MESSAGES, verifyCredentials } from '../auth/verify-credentials';
import { Invalid, NotFound } from '../errors';

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
    checkNewPassword(ctx, v.newPassword, { path: 'newPassword', label: 'New password' });
    if (v.newPassword && v.newPassword === v.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'New password: choose a password different from your current one' });
    }
    if (v.confirmPassword !== v.newPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'Confirm new password: the two new passwords are not the same' });
    }
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const PASSWORD_CHANGED_MESSAGE =
  'Your password has been changed. You have been signed out everywhere else: use your new password next time you sign in.';

/**
 * A signed-in user (staff or carer) replaces their password. The current password is checked by
 * verifyCredentials, exactly as at sign-in (lock-out, audit as 'account.changePassword'), so a
 * borrowed or stolen session cannot take over the account or guess the password outside the lock-out.
 * Every other session of the user ends (whoever else knew the old password is signed out); this one stays.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: ChangePasswordInput,
  now = Date.now(),
): Promise<{ endedSessions: number }> {
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, organisation: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(users.id, actor.userId))
    .get();
  if (!user) throw new NotFound('Your account does not exist.');
  // The person's own details are only known here, so the policy is checked again with them.
  const problem = passwordPolicyProblem(input.newPassword, [user.name, user.email, user.organisation], 'New password');
  if (problem) throw new Invalid('newPassword', problem);
  const checked = await verifyCredentials(db, user.email, input.currentPassword, now, 'account.changePassword', actor.ip ?? null);
  if (!checked.ok) {
    throw new Invalid(
      'currentPassword',
      checked.error === 'locked' ? SIGN_IN_MESSAGES.locked : 'Current password: this is not your current password',
    );
  }
  // Hash before the transaction: better-sqlite3 transactions must stay synchronous.
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id)).run();
    const endedSessions = endOtherSessions(tx, user.id, actor.sessionId, 'password_changed', now);
    writeAudit(
      tx,
      actor,
      {
        action: 'account.changePassword',
        patientId: null,
        outcome: 'granted',
        rule: 'own',
        reason: `other sessions ended: ${endedSessions}`,
      },
      now,
    );
    return { endedSessions };
  });
}
