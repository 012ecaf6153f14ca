import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { timelineEvents } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid, NotFound } from '../errors';
import { appendEvent } from './append-event';
import { formatDateTime } from '../calendar/england-time';
import { IdSchema, requiredText } from '../validation';

export const AmendEventSchema = z.object({
  patientId: z.uuid(),
  eventId: IdSchema('Event'),
  text: requiredText('Correction', 5000, 'Enter the correction'),
});
export type AmendEventInput = z.infer<typeof AmendEventSchema>;

/** Corrects an event by adding a new one linked to it: the original is never edited. */
export async function amendEvent(db: Db, actor: Actor, input: AmendEventInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const original = await tx
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.id, input.eventId), eq(timelineEvents.patientId, input.patientId)))
      .get();
    if (!original) throw new NotFound('That timeline entry does not exist for this person.');
    if (original.kind === 'amendment') throw new Invalid('eventId', 'Event: amend the original entry, not an amendment');
    const when = formatDateTime(original.occurredAt);
    const id = await appendEvent(tx, actor, {
      patientId: input.patientId,
      kind: 'amendment',
      summary: `Correction to “${original.summary}” of ${when}`,
      body: input.text,
      amendsEventId: original.id,
      subjectType: 'timeline_event',
      subjectId: original.id,
      carerVisible: original.carerVisible,
    });
    return { id };
  });
}
