import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { namedContactHandoffs, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, Forbidden, NotFound } from '../errors';
import { notify } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';

export const RespondToHandoffSchema = z.object({
  handoffId: z.uuid(),
  response: z.enum(['accept', 'decline', 'withdraw'], { error: 'Choose accept, decline or withdraw' }),
});
export type RespondToHandoffInput = z.infer<typeof RespondToHandoffSchema>;

const STATUS = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const;
const EVENT_KIND = { accept: 'handoff_accepted', decline: 'handoff_declined', withdraw: 'handoff_withdrawn' } as const;

/**
 * The receiver accepts or declines a hand-over; whoever offered it (or the current named contact) can
 * withdraw it. On accepting, the receiver becomes the named contact (and, for a navigator in another
 * team, the person moves to that team's caseload) in the same transaction.
 */
export async function respondToHandoff(db: Db, actor: Actor, input: RespondToHandoffInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const handoff = await tx.select().from(namedContactHandoffs).where(eq(namedContactHandoffs.id, input.handoffId)).get();
    if (!handoff) throw new NotFound('This hand-over does not exist.');
    if (handoff.status !== 'pending') throw new Conflict(`This hand-over was already ${handoff.status}.`);
    const isReceiver = handoff.toUserId === actor.userId;
    if (input.response === 'withdraw' ? isReceiver : !isReceiver) {
      throw new Forbidden(
        input.response === 'withdraw'
          ? 'Decline the hand-over instead of withdrawing it.'
          : 'Only the person it is offered to can accept or decline it.',
      );
    }
    const person = (await tx.select().from(patients).where(eq(patients.id, handoff.patientId)).get())!;
    // Withdrawing is for whoever offered it or the person's current named contact: anyone else who
    // can see the person (a caseload colleague, a care-team member) must not cancel someone's offer.
    if (input.response === 'withdraw' && handoff.fromUserId !== actor.userId && person.namedContactUserId !== actor.userId) {
      throw new Forbidden('Only whoever offered this hand-over, or the person’s named contact, can withdraw it.');
    }
    // Nobody accepts a hand-over they offered: accepting needs someone other than the offerer.
    if (input.response === 'accept' && handoff.fromUserId === actor.userId) {
      throw new Forbidden('You offered this hand-over yourself: a colleague has to offer it to you.');
    }
    const receiver = (await tx.select().from(users).where(eq(users.id, handoff.toUserId)).get())!;
    const now = Date.now();
    const status = STATUS[input.response];
    const changed = await tx
      .update(namedContactHandoffs)
      .set({ status, decidedAt: now })
      .where(and(eq(namedContactHandoffs.id, handoff.id), eq(namedContactHandoffs.status, 'pending')))
      .run();
    if (changed.changes !== 1) throw new Conflict('Someone else answered this hand-over just now.');
    if (input.response === 'accept') {
      const movesTeam =
        receiver.role === 'navigator' && receiver.organisationId && receiver.organisationId !== person.caseloadOrganisationId;
      await tx
        .update(patients)
        .set({
          namedContactUserId: receiver.id,
          ...(movesTeam ? { caseloadOrganisationId: receiver.organisationId! } : {}),
          version: sql`${patients.version} + 1`,
          updatedAt: now,
        })
        .where(eq(patients.id, person.id))
        .run();
    }
    const summary =
      input.response === 'accept'
        ? `${receiver.name} accepted the hand-over and is now the named contact`
        : input.response === 'decline'
          ? `${receiver.name} declined the hand-over of named contact`
          : `Hand-over of named contact to ${receiver.name} withdrawn`;
    await appendEvent(
      tx,
      actor,
      { patientId: person.id, kind: EVENT_KIND[input.response], summary, subjectType: 'handoff', subjectId: handoff.id },
      now,
    );
    const otherSide = isReceiver ? handoff.fromUserId : handoff.toUserId;
    await notify(
      tx,
      [otherSide].filter((u) => u !== actor.userId),
      {
        kind: 'handoff',
        title: `${person.givenName} ${person.familyName}: ${summary}`,
        link: input.response === 'withdraw' ? '/referrals?view=handoffs' : `/patients/${person.id}`,
        about: { patientId: person.id, permission: 'patient.read' },
      },
      now,
    );
    return { id: handoff.id };
  });
}
