import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { carerInvitations, carerLinks, emailOutbox, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { carerConsentInForce } from '../access/load-patient-facts';
import { Conflict, Invalid } from '../errors';
import { newId } from '../ids';
import { appendEvent } from '../timeline/append-event';
import { emailAddress, requiredText } from '../validation';
import { INVITATION_DAYS, hashInvitationToken, invitationLink, newInvitationToken } from './invitation-token';
import { formatDay } from '../calendar/england-time';
import { withRelationship } from './carer-label';

export const InviteCarerSchema = z.object({
  patientId: z.uuid(),
  carerKey: requiredText('Carer', 100, 'Choose the carer the person agreed to share with'),
  email: emailAddress(),
  relationship: requiredText('Relationship', 60, 'Enter how they are related to the person, like daughter or neighbour'),
});
export type InviteCarerInput = z.infer<typeof InviteCarerSchema>;

/**
 * Invites a carer to see a person's carer summary, only while the person's consent to share with
 * that carer (or a lasting power of attorney) is in force. Makes a single-use link that expires
 * after 7 days, returned to the navigator only (the email outbox says it is coming, without it);
 * an earlier open invitation to the same address for this person stops working.
 */
export async function inviteCarer(db: Db, actor: Actor, input: InviteCarerInput, now = Date.now()) {
  return await db.transaction(async (tx) => {
    const consent = await carerConsentInForce(tx, input.patientId, input.carerKey);
    if (consent?.decision !== 'granted') {
      throw new Invalid('carerKey', 'Carer: the person has not agreed to share with this carer. Record their consent first.');
    }
    const existing = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, input.email)).get();
    if (existing && existing.role !== 'carer') {
      throw new Invalid('email', 'Email address: this is a staff account’s address. Carers need an address of their own.');
    }
    if (
      existing &&
      (await tx
        .select({ id: carerLinks.id })
        .from(carerLinks)
        .where(and(eq(carerLinks.carerUserId, existing.id), eq(carerLinks.patientId, input.patientId)))
        .get())
    ) {
      throw new Conflict('This carer is already linked to this person.', { field: 'email' });
    }
    await tx
      .update(carerInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(carerInvitations.patientId, input.patientId),
          eq(carerInvitations.email, input.email),
          isNull(carerInvitations.usedAt),
          isNull(carerInvitations.revokedAt),
        ),
      )
      .run();
    const token = newInvitationToken();
    const id = newId();
    const expiresAt = now + INVITATION_DAYS * 86_400_000;
    await tx
      .insert(carerInvitations)
      .values({
        id,
        patientId: input.patientId,
        carerName: consent.carerName,
        carerKey: input.carerKey,
        email: input.email,
        relationship: input.relationship,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: actor.userId,
        createdAt: now,
        expiresAt,
      })
      .run();
    const link = invitationLink(token);
    // No usable secret at rest: the outbox is a plain table (read by the mail sender, kept in backups)
    // with no key to encrypt under, so the email announces the link and the navigator hands it over.
    await tx
      .insert(emailOutbox)
      .values({
        id: newId(),
        toAddress: input.email,
        subject: 'carenav: you have been invited to see care details for someone you care for',
        body: [
          `${actor.name} has invited you to carenav, where you can see who to call and what is happening with the care of someone you look after.`,
          '',
          `${actor.name} will give you the link to set up your account, by phone, text message or in person. It works once, until ${formatDay(expiresAt)}.`,
          'For your security the link is not in this email: anyone who saw the email could use it.',
          '',
          'This message does not include personal details because email is not a secure channel for them.',
        ].join('\n'),
        createdAt: now,
      })
      .run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'carer_invited',
        summary: `${withRelationship(consent.carerName, input.relationship)} invited to see the carer summary`,
        subjectType: 'carer_invitation',
        subjectId: id,
      },
      now,
    );
    return { id, link, expiresAt };
  });
}
