import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mdtMeetings } from '../../db/schema';
import type { Actor } from '../access/actor';
import { NotFound } from '../errors';

/** The actor's team's meeting, or NotFound (another team's meeting is not theirs to know of). */
export async function teamMeeting(db: Pick<Db, 'select'>, actor: Actor, meetingId: string) {
  const meeting = await db
    .select()
    .from(mdtMeetings)
    .where(and(eq(mdtMeetings.id, meetingId), eq(mdtMeetings.organisationId, actor.organisationId ?? '')))
    .get();
  if (!meeting) throw new NotFound('This MDT meeting does not exist.');
  return meeting;
}
