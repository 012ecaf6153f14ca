import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { carerLinks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { endUserSessions } from '../auth/sessions';
import { describeAccountChange } from '../admin/announce-clinical-account';
import { NotFound } from '../errors';
import { appendEvent } from '../timeline/append-event';
import { IdSchema } from '../validation';
import { withRelationship } from './carer-label';

export const SetCarerActiveSchema = z.object({
  patientId: IdSchema('Person'),
  carerLinkId: IdSchema('Carer'),
  change: z.enum(['deactivate', 'reactivate'], { error: 'Choose deactivate or reactivate' }),
});
export type SetCarerActiveInput = z.infer<typeof SetCarerActiveSchema>;

/**
 * Deactivates a carer's account (ending all their sessions at once: they are signed out on their
 * next request and cannot sign in) or reactivates it, from the record of a person they care for.
 * Whoever manages carer access for that person (carer.invite, decided per person by the policy)
 * may do it. A link that is not this person's is not found (and audited as such). The change is
 * recorded on the person's timeline (not shown to carers) and audited with the person.
 */
export async function setCarerActive(
  db: Db,
  actor: Actor,
  input: SetCarerActiveInput,
  now = Date.now(),
): Promise<{ active: boolean; sessionsEnded: number }> {
  const link = await db
    .select({
      carerUserId: carerLinks.carerUserId,
      relationship: carerLinks.relationship,
      name: users.name,
      role: users.role,
      active: users.active,
    })
    .from(carerLinks)
    .innerJoin(users, eq(carerLinks.carerUserId, users.id))
    .where(and(eq(carerLinks.id, input.carerLinkId), eq(carerLinks.patientId, input.patientId)))
    .get();
  if (!link || link.role !== 'carer') {
    actor.access?.audit?.refused(input.patientId, 'not_found');
    throw new NotFound('This carer is not linked to this person.');
  }
  const active = input.change === 'reactivate';
  return await db.transaction(async (tx) => {
    await tx.update(users).set({ active }).where(eq(users.id, link.carerUserId)).run();
    // Ended here too, not only on their next request, so the sessions list shows them ended at once.
    const sessionsEnded = active ? 0 : await endUserSessions(tx, link.carerUserId, 'deactivated', now);
    // The call's audit row (with the person) also says which account and what changed.
    actor.access?.audit?.detail(
      describeAccountChange(link.carerUserId, { active: [link.active, active], sessionsEnded: String(sessionsEnded) }),
    );
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'carer_access_changed',
        summary: active
          ? `${withRelationship(link.name, link.relationship)}: carer account reactivated`
          : `${withRelationship(link.name, link.relationship)}: carer account deactivated and signed out`,
        subjectType: 'carer_link',
        subjectId: input.carerLinkId,
      },
      now,
    );
    return { active, sessionsEnded };
  });
}
