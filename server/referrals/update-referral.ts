import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { REFERRAL_OUTCOMES, referrals, services, type EventKind, type ReferralStatus } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors';
import { notify, teamMembers } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';
import { freeText, requiredText } from '../validation';
import { REFERRAL_NEXT, REFERRAL_STATUS_LABELS } from './referral-fields';
import { listOutcomeReasons } from './outcome-reasons';

const referralId = z.uuid();

/** One step in a referral's life. Receiving team: accept (pick up), decline, start, complete. Referrer: cancel. */
export const UpdateReferralSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ referralId, action: z.literal('accept') }),
    z.object({ referralId, action: z.literal('decline'), reason: requiredText('Reason', 1000, 'Enter why the referral is declined') }),
    z.object({ referralId, action: z.literal('start') }),
    z.object({
      referralId,
      action: z.literal('complete'),
      outcome: z.enum(REFERRAL_OUTCOMES, { error: 'Choose whether the referral was successful' }),
      outcomeReason: freeText('Reason', 200).default(''),
      note: freeText('Note', 2000).default(''),
    }),
    z.object({ referralId, action: z.literal('cancel'), reason: requiredText('Reason', 1000, 'Enter why the referral is cancelled') }),
  ],
  { error: 'Choose what to do with the referral' },
);
export type UpdateReferralInput = z.infer<typeof UpdateReferralSchema>;

const TARGET: Record<UpdateReferralInput['action'], ReferralStatus> = {
  accept: 'accepted',
  decline: 'declined',
  start: 'in_progress',
  complete: 'completed',
  cancel: 'cancelled',
};

const EVENT_KIND: Record<UpdateReferralInput['action'], EventKind> = {
  accept: 'referral_accepted',
  decline: 'referral_declined',
  start: 'referral_started',
  complete: 'referral_completed',
  cancel: 'referral_cancelled',
};

/**
 * Moves a referral on, refusing illegal steps with a message. Every step is a timeline event and a
 * notification to the other side, so the referrer always knows where the referral is.
 */
export async function updateReferral(db: Db, actor: Actor, input: UpdateReferralInput): Promise<{ id: string; status: ReferralStatus }> {
  return await db.transaction(async (tx) => {
    const referral = await tx.select().from(referrals).where(eq(referrals.id, input.referralId)).get();
    if (!referral) throw new NotFound('This referral does not exist.');
    const service = (await tx.select({ name: services.name }).from(services).where(eq(services.id, referral.serviceId)).get())!;
    const to = TARGET[input.action];
    const receiving = actor.organisationId === referral.toOrganisationId;
    const referring = actor.organisationId === referral.fromOrganisationId || actor.userId === referral.fromUserId;
    // Which side may take which step: the receiving team works it; only the referrer can withdraw it.
    if (input.action === 'cancel' ? !referring : !receiving) {
      throw new Forbidden(
        input.action === 'cancel'
          ? 'Only the team that sent this referral can cancel it.'
          : `Only ${service.name}’s team can ${input.action} this referral.`,
      );
    }
    if (!REFERRAL_NEXT[referral.status].includes(to)) {
      const next = REFERRAL_NEXT[referral.status];
      throw new Conflict(
        next.length === 0
          ? `This referral is ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()}: it cannot change any more.`
          : `A referral that is ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()} cannot be ${REFERRAL_STATUS_LABELS[to].toLowerCase()}. Next it can be: ${next.map((s) => REFERRAL_STATUS_LABELS[s].toLowerCase()).join(' or ')}.`,
      );
    }
    const now = Date.now();
    const changes: Partial<typeof referrals.$inferInsert> = { status: to, updatedAt: now };
    let summary = '';
    let body = '';
    switch (input.action) {
      case 'accept':
        // Picking it up accepts it and makes me its owner.
        Object.assign(changes, { ownerUserId: actor.userId, respondedAt: now });
        summary = `Referral to ${service.name} accepted by ${actor.name}`;
        break;
      case 'decline':
        Object.assign(changes, { declineReason: input.reason, respondedAt: now, closedAt: now });
        summary = `Referral to ${service.name} declined`;
        body = input.reason;
        break;
      case 'start':
        Object.assign(changes, { ownerUserId: referral.ownerUserId ?? actor.userId });
        summary = `Referral to ${service.name}: work started`;
        break;
      case 'complete': {
        if (input.outcome === 'not_successful') {
          const reasons = (await listOutcomeReasons(tx)).map((r) => r.label);
          if (!reasons.includes(input.outcomeReason)) throw new Invalid('outcomeReason', 'Choose why it was not successful, from the list');
        }
        Object.assign(changes, {
          outcome: input.outcome,
          outcomeReason: input.outcome === 'not_successful' ? input.outcomeReason : null,
          outcomeNote: input.note,
          closedAt: now,
        });
        summary = `Referral to ${service.name} completed: ${input.outcome === 'successful' ? 'successful' : `not successful (${input.outcomeReason})`}`;
        body = input.note;
        break;
      }
      case 'cancel':
        Object.assign(changes, { cancelReason: input.reason, closedAt: now });
        summary = `Referral to ${service.name} cancelled by the referrer`;
        body = input.reason;
        break;
    }
    const changed = await tx
      .update(referrals)
      .set(changes)
      .where(and(eq(referrals.id, referral.id), eq(referrals.status, referral.status)))
      .run();
    if (changed.changes !== 1) throw new Conflict('Someone else changed this referral just now: reload the page.');
    await appendEvent(
      tx,
      actor,
      { patientId: referral.patientId, kind: EVENT_KIND[input.action], summary, body, subjectType: 'referral', subjectId: referral.id },
      now,
    );
    // Tell the other side: the referrer hears every step; the receiving team hears a cancellation.
    const otherSide =
      input.action === 'cancel'
        ? referral.ownerUserId
          ? [referral.ownerUserId]
          : await teamMembers(tx, referral.toOrganisationId)
        : [referral.fromUserId];
    await notify(
      tx,
      otherSide.filter((u) => u !== actor.userId),
      {
        kind: 'referral_updated',
        title: summary,
        body,
        link: `/referrals/${referral.id}`,
        about: { patientId: referral.patientId, permission: 'referral.read', referralToOrganisationId: referral.toOrganisationId },
      },
      now,
    );
    return { id: referral.id, status: to };
  });
}
