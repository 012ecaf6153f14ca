import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { URGENCIES, organisations, patients, referrals, services } from '../../db/schema';
import type { Actor } from '../access/actor';
import { loadConsentsInForce } from '../access/load-patient-facts';
import { PURPOSE_LABELS, checkSharing, sharingRuleFor } from '../access/sharing-rules';
import { Conflict, Invalid, NotFound } from '../errors';
import { newId } from '../ids';
import { notify, teamMembers } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';
import { IdSchema, freeText, requiredText } from '../validation';
import { URGENCY_LABELS, targetFor } from './referral-fields';

export const SendReferralSchema = z.object({
  patientId: z.uuid(),
  serviceId: z
    .string({ error: 'Choose the service to refer to' })
    .trim()
    .min(1, 'Choose the service to refer to')
    .pipe(IdSchema('Service')),
  reason: requiredText('Reason', 2000, 'Enter the reason for the referral'),
  urgency: z.enum(URGENCIES, { error: 'Choose how urgent it is' }),
  personWants: requiredText('What the person wants', 2000, 'Enter what the person wants from this referral'),
  attachments: freeText('Attachments', 10_000).default(''),
});
export type SendReferralInput = z.infer<typeof SendReferralSchema>;

/**
 * Sends a referral to a service's team inbox, if the sharing rule for that team's sector allows it
 * (explicit consent for housing and voluntary services; no objection for adult social care).
 */
export async function sendReferral(db: Db, actor: Actor, input: SendReferralInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const service = await tx.select().from(services).where(eq(services.id, input.serviceId)).get();
    if (!service?.active) throw new Invalid('serviceId', 'Choose an active service from the directory');
    if (!service.organisationId) {
      throw new Invalid(
        'serviceId',
        `${service.name} does not take referrals through carenav: contact them directly (${service.contact || 'see the directory'})`,
      );
    }
    const team = await tx.select().from(organisations).where(eq(organisations.id, service.organisationId)).get();
    if (!team?.active) throw new Invalid('serviceId', `${service.name} is not taking referrals through carenav at the moment`);
    const person = await tx.select().from(patients).where(eq(patients.id, input.patientId)).get();
    if (!person) throw new NotFound('This person’s record does not exist.');
    // The referral shares the person's details with the receiving team: their sector's rule decides.
    const sharing = checkSharing(team.sector, (await loadConsentsInForce(tx, [person.id])).get(person.id) ?? {});
    if (!sharing.allowed) {
      const rule = sharingRuleFor(team.sector);
      const purpose = rule.kind === 'direct_care' ? null : rule.purpose;
      throw new Conflict(
        `You cannot refer to ${service.name} because ${sharing.because}. ${purpose ? `Record the person’s consent to share with ${PURPOSE_LABELS[purpose]} first.` : ''}`.trim(),
        { field: 'serviceId', consentPurpose: purpose ?? '' },
      );
    }
    const now = Date.now();
    const id = newId();
    const about = person.aboutWhatMatters.trim();
    await tx
      .insert(referrals)
      .values({
        id,
        patientId: person.id,
        serviceId: service.id,
        toOrganisationId: team.id,
        fromUserId: actor.userId,
        fromOrganisationId: actor.organisationId,
        reason: input.reason,
        urgency: input.urgency,
        personWants: input.personWants,
        // Tell it once: did the person's own words travel unchanged, or did someone re-type them?
        aboutMeReused: about !== '' && input.personWants === about,
        attachments: input.attachments,
        targetAt: targetFor(service, input.urgency, now),
        sentAt: now,
        updatedAt: now,
      })
      .run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: person.id,
        kind: 'referral_sent',
        summary: `Referral sent to ${service.name} (${URGENCY_LABELS[input.urgency].toLowerCase()})`,
        body: input.reason,
        subjectType: 'referral',
        subjectId: id,
      },
      now,
    );
    await notify(
      tx,
      await teamMembers(tx, team.id),
      {
        kind: 'referral_received',
        title: `New ${URGENCY_LABELS[input.urgency].toLowerCase()} referral to ${service.name} from ${actor.name}`,
        link: `/referrals/${id}`,
        about: { patientId: input.patientId, permission: 'referral.read', referralToOrganisationId: team.id },
      },
      now,
    );
    return { id };
  });
}
