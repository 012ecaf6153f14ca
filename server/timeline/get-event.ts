import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { timelineEvents } from '../../db/schema';
import { NotFound } from '../errors';
import { IdSchema } from '../validation';
import { selectEvents } from './list-timeline';

export const GetEventSchema = z.object({ patientId: z.uuid(), eventId: IdSchema('Event') });

/** One timeline entry of this person (never another person's, whatever id is given). */
export async function getEvent(db: Db, input: z.infer<typeof GetEventSchema>) {
  const row = await selectEvents(db)
    .where(and(eq(timelineEvents.id, input.eventId), eq(timelineEvents.patientId, input.patientId)))
    .get();
  if (!row) throw new NotFound('That timeline entry does not exist for this person.');
  return row;
}
