import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { namedContactHandoffs, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, Invalid, NotFound } from '../errors';
import { newId } from '../ids';
import { notify } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';
import { IdSchema, freeText } from '../validation';

export const OfferHandoffSchema = z.object({
  patientId: z.uuid(),
  toUserId: z
    .string({ error: 'Choose who to hand over to' })
    .trim()
    .min(1, 'Choose who to hand over to')
    .pipe(IdSchema('New named contact')),
  note: freeText('Note', 1000).default(''),
});
export type OfferHandoffInput = z.infer<typeof OfferHandoffSchema>;

/** Roles that can be a person's named contact. */
export const NAMED_CONTACT_ROLES = ['navigator', 'social_worker'] as const;

/**
 * Offers to hand a person over to a new named contact. Nothing changes until they accept: the
 * current named contact stays responsible, and both see the hand-over pending.
 */
export async function offerHandoff(db: Db, actor: Actor, input: OfferHandoffInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const person = await tx.select().from(patients).where(eq(patients.id, input.patientId)).get();
    if (!person) throw new NotFound('This person’s record does not exist.');
    const to = await tx.select().from(users).where(eq(users.id, input.toUserId)).get();
    if (!to?.active || !(NAMED_CONTACT_ROLES as readonly string[]).includes(to.role)) {
      throw new Invalid('toUserId', 'Choose an active care navigator or social worker');
    }
    if (to.id === person.namedContactUserId) throw new Invalid('toUserId', `${to.name} is already the named contact`);
    // Nobody hands a person over to themselves: an offer needs someone else to agree to it.
    if (to.id === actor.userId) throw new Invalid('toUserId', 'You cannot hand over to yourself: choose a colleague');
    const pending = await tx
      .select({ id: namedContactHandoffs.id })
      .from(namedContactHandoffs)
      .where(and(eq(namedContactHandoffs.patientId, person.id), eq(namedContactHandoffs.status, 'pending')))
      .get();
    if (pending) throw new Conflict('A hand-over for this person is already waiting to be accepted: withdraw it first.');
    const now = Date.now();
    const id = newId();
    await tx
      .insert(namedContactHandoffs)
      .values({
        id,
        patientId: person.id,
        // Who actually offered it (not the named contact on whose behalf it may look made).
        fromUserId: actor.userId,
        toUserId: to.id,
        note: input.note,
        createdAt: now,
      })
      .run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: person.id,
        kind: 'handoff_offered',
        summary: `Hand-over of named contact to ${to.name} offered`,
        body: input.note,
        subjectType: 'handoff',
        subjectId: id,
      },
      now,
    );
    await notify(
      tx,
      [to.id],
      {
        kind: 'handoff',
        title: `${actor.name} asks you to become named contact for ${person.givenName} ${person.familyName}`,
        body: input.note,
        link: '/referrals',
        // The only recipient is the one being asked.
        about: { patientId: person.id, permission: 'handoff.respond', facts: { handoffOfferedToActor: true } },
      },
      now,
    );
    // The named contact hears when someone else offers to hand them over.
    if (person.namedContactUserId && person.namedContactUserId !== actor.userId) {
      await notify(
        tx,
        [person.namedContactUserId],
        {
          kind: 'handoff',
          title: `${actor.name} offered to hand over ${person.givenName} ${person.familyName}’s named contact to ${to.name}`,
          body: input.note,
          link: '/referrals',
          about: { patientId: person.id, permission: 'patient.read' },
        },
        now,
      );
    }
    return { id };
  });
}
