import { z } from 'zod';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { carerInvitations, carerLinks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { hashPassword } from '../auth/password';
import { passwordPolicyProblem } from '../auth/password-policy';
import { signInMessage, verifyCredentials } from '../auth/verify-credentials';
import { Conflict, Invalid } from '../errors';
import { newId } from '../ids';
import { appendEvent } from '../timeline/append-event';
import { freeText } from '../validation';
import { INVITATION_STATUS_WORDS, getInvitation } from './invitation-status';
import { withRelationship } from './carer-label';

export const AcceptInvitationSchema = z.object({
  token: z
    .string({ error: 'Invitation: the link is missing' })
    .trim()
    .min(1, 'Invitation: the link is missing')
    .max(100, 'Invitation: the link is not valid'),
  name: freeText('Full name', 100).default(''),
  password: z.string({ error: 'Enter a password' }).max(200, 'Password must be 200 characters or fewer'),
  confirmPassword: z.string().max(200).default(''),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;

/**
 * A carer accepts an invitation: with a new account (name and a password that meets the rules) or,
 * if the address already has a carer account, its password. The link works once; the carer is then
 * linked to the person under the consent the invitation was made for.
 */
export async function acceptInvitation(
  db: Db,
  input: AcceptInvitationInput,
  now = Date.now(),
  ip: string | null = null,
): Promise<{ email: string }> {
  const found = await getInvitation(db, input.token, now);
  if (found.status !== 'open') throw new Invalid('token', INVITATION_STATUS_WORDS[found.status]);
  const { invitation, hasAccount } = found;
  let passwordHash: string | null = null;
  if (hasAccount) {
    // The existing account's password is checked exactly as at sign-in (lock-out, audit), or the link would be a password oracle.
    // `ip` (the caller's requestIp) makes the per-address throttle and lock apply here as at sign-in.
    const checked = await verifyCredentials(db, invitation.email, input.password, now, 'invitations.accept', ip);
    if (!checked.ok) {
      throw new Invalid(
        'password',
        checked.error === 'invalid' ? 'Password: this is not the password of your carenav account' : signInMessage(checked),
      );
    }
  } else {
    if (!input.name) throw new Invalid('name', 'Enter your full name');
    // The carer chose it themselves, so it is not a temporary password to be changed at first sign-in.
    const problem = passwordPolicyProblem(input.password, [input.name, invitation.email]);
    if (problem) throw new Invalid('password', problem);
    if (input.confirmPassword !== input.password)
      throw new Invalid('confirmPassword', 'Confirm password: the two passwords are not the same');
    // Hash before the transaction: a transaction holds the write lock while it runs.
    passwordHash = await hashPassword(input.password);
  }
  return await db.transaction(async (tx) => {
    // Single use, even when two people open the same link at once: only one update can match.
    const claimed = await tx
      .update(carerInvitations)
      .set({ usedAt: now })
      .where(
        and(
          eq(carerInvitations.id, invitation.id),
          isNull(carerInvitations.usedAt),
          isNull(carerInvitations.revokedAt),
          gt(carerInvitations.expiresAt, now),
        ),
      )
      .run();
    if (claimed.changes !== 1) throw new Invalid('token', INVITATION_STATUS_WORDS.used);
    const account = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, invitation.email)).get();
    let userId = account?.id;
    const name = account?.name ?? input.name;
    if (!userId) {
      userId = newId();
      await tx
        .insert(users)
        .values({
          id: userId,
          email: invitation.email,
          name,
          role: 'carer',
          organisationId: null,
          passwordHash: passwordHash!,
          createdAt: now,
        })
        .run();
    }
    await tx.update(carerInvitations).set({ carerUserId: userId }).where(eq(carerInvitations.id, invitation.id)).run();
    if (
      await tx
        .select({ id: carerLinks.id })
        .from(carerLinks)
        .where(and(eq(carerLinks.carerUserId, userId), eq(carerLinks.patientId, invitation.patientId)))
        .get()
    ) {
      throw new Conflict('You are already linked to this person. Sign in to see their details.');
    }
    await tx
      .insert(carerLinks)
      .values({
        id: newId(),
        carerUserId: userId,
        patientId: invitation.patientId,
        relationship: invitation.relationship,
        carerKey: invitation.carerKey,
        invitationId: invitation.id,
        createdAt: now,
      })
      .run();
    const carer: Actor = {
      userId,
      name,
      role: 'carer',
      organisationId: null,
      sector: null,
      access: { rule: 'carer_invitation', action: 'invitations.accept' },
    };
    await appendEvent(
      tx,
      carer,
      {
        patientId: invitation.patientId,
        kind: 'carer_linked',
        summary: `${withRelationship(name, invitation.relationship)} accepted the invitation and can now see the carer summary`,
        subjectType: 'carer_invitation',
        subjectId: invitation.id,
      },
      now,
    );
    return { email: invitation.email };
  });
}
