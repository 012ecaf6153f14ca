import { z } from 'zod';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mdtChosen, mdtDiscussions, mdtMeetings, patients, tasks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { filterAccessible, markAccessible } from '../access/filter-accessible';
import { teamMeeting } from './team-meeting';
import { mdtReasonsFor } from './mdt-worklist';
import { newId } from '../ids';
import { todayInEngland } from '../calendar/england-time';
import { isoDate, lineList } from '../validation';

export const RecordMeetingSchema = z.object({
  // Checked with the other fields (not after them in the use case), so every problem is told at once.
  heldOn: isoDate('Date of the meeting').refine((v) => v <= todayInEngland(), 'Date of the meeting cannot be in the future'),
  attendees: lineList('Attendees', 40, 200).superRefine((list, ctx) => {
    const people = list.filter(namesSomeone);
    // A meeting needs someone at it: "none", "-" or a blank list is nobody.
    if (people.length === 0) ctx.addIssue({ code: 'custom', message: 'Enter who was at the meeting, one person per line' });
    else if (people.length < list.length)
      ctx.addIssue({ code: 'custom', message: 'Enter a person on each line, for example “Dr Helen Marsh (GP)”' });
  }),
});

/** A line of the attendees that names someone: it has a letter, and is not a way of writing "nobody". */
function namesSomeone(line: string): boolean {
  return /\p{L}/u.test(line) && !/^(none|nobody|no one|no-one|n\/a|na|nil|tbc)[.!]*$/i.test(line.trim());
}
export type RecordMeetingInput = z.infer<typeof RecordMeetingSchema>;

/**
 * Starts the record of an MDT meeting of the actor's team: the date and who was there. Sent twice
 * (a double click, Back and send again), it is the same meeting: the one already started that day
 * with the same people is returned rather than a second.
 */
export async function recordMeeting(db: Db, actor: Actor, input: RecordMeetingInput): Promise<{ id: string }> {
  const attendees = input.attendees.join('\n');
  return await db.transaction(async (tx) => {
    const already = await tx
      .select({ id: mdtMeetings.id })
      .from(mdtMeetings)
      .where(
        and(
          eq(mdtMeetings.organisationId, actor.organisationId ?? ''),
          eq(mdtMeetings.heldOn, input.heldOn),
          eq(mdtMeetings.attendees, attendees),
        ),
      )
      .get();
    if (already) return { id: already.id };
    const id = newId();
    await tx
      .insert(mdtMeetings)
      .values({
        id,
        organisationId: actor.organisationId!,
        heldOn: input.heldOn,
        attendees,
        recordedByUserId: actor.userId,
        createdAt: Date.now(),
      })
      .run();
    return { id };
  });
}

/**
 * A meeting of the actor's team (NotFound for another team's), with each discussion and the tasks it
 * made: only the discussions of people the actor may open (the rest are counted, not shown).
 */
export async function getMeeting(db: Db, actor: Actor, meetingId: string) {
  const meeting = await teamMeeting(db, actor, meetingId);
  const all = await db
    .select({
      id: mdtDiscussions.id,
      patientId: mdtDiscussions.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      note: mdtDiscussions.note,
      createdAt: mdtDiscussions.createdAt,
    })
    .from(mdtDiscussions)
    .innerJoin(patients, eq(mdtDiscussions.patientId, patients.id))
    .where(eq(mdtDiscussions.meetingId, meetingId))
    .orderBy(asc(mdtDiscussions.createdAt))
    .all();
  // Being in the meeting's team is not access to every person discussed: the policy decides per person.
  const discussions = (await markAccessible(db, actor, all, 'patient.read', { patientIdOf: (d) => d.patientId }))
    .filter((d) => d.canOpen)
    .map(({ canOpen: _canOpen, ...d }) => d);
  // The people chosen for the meeting and not yet discussed, with why they are on the list now.
  const discussed = new Set(all.map((d) => d.patientId));
  const chosen = (
    await db
      .select({ id: mdtChosen.patientId, givenName: patients.givenName, familyName: patients.familyName })
      .from(mdtChosen)
      .innerJoin(patients, eq(mdtChosen.patientId, patients.id))
      .where(eq(mdtChosen.meetingId, meetingId))
      .orderBy(asc(mdtChosen.chosenAt), asc(mdtChosen.id))
      .all()
  ).filter((p) => !discussed.has(p.id));
  const toDiscuss = await filterAccessible(db, actor, chosen, 'mdt.work');
  const reasons = await mdtReasonsFor(
    db,
    toDiscuss.map((p) => p.id),
  );
  // One audit row per person whose discussion, or place on the list, is shown.
  actor.access?.audit?.people([...new Set([...discussions.map((d) => d.patientId), ...toDiscuss.map((p) => p.id)])]);
  const actions = discussions.length
    ? await db
        .select({
          id: tasks.id,
          discussionId: tasks.mdtDiscussionId,
          title: tasks.title,
          status: tasks.status,
          dueAt: tasks.dueAt,
          assigneeName: users.name,
        })
        .from(tasks)
        .leftJoin(users, eq(tasks.assigneeUserId, users.id))
        .where(
          inArray(
            tasks.mdtDiscussionId,
            discussions.map((d) => d.id),
          ),
        )
        .all()
    : [];
  return {
    ...meeting,
    attendees: meeting.attendees.split('\n'),
    notShown: all.length - discussions.length + chosen.length - toDiscuss.length,
    // Most reasons first, as on the worklist; then in the order chosen.
    toDiscuss: toDiscuss
      .map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}`, reasons: reasons.get(p.id) ?? [] }))
      .sort((a, b) => b.reasons.length - a.reasons.length),
    discussions: discussions.map((d) => ({
      ...d,
      name: `${d.givenName} ${d.familyName}`,
      actions: actions.filter((a) => a.discussionId === d.id),
    })),
  };
}

/** The actor's team's meetings, newest first. */
export async function listMeetings(db: Db, actor: Actor) {
  return (
    await db
      .select({ id: mdtMeetings.id, heldOn: mdtMeetings.heldOn, attendees: mdtMeetings.attendees })
      .from(mdtMeetings)
      .where(eq(mdtMeetings.organisationId, actor.organisationId ?? ''))
      .orderBy(desc(mdtMeetings.heldOn), desc(mdtMeetings.createdAt))
      .limit(20)
      .all()
  ).map((m) => ({ ...m, attendeeCount: m.attendees.split('\n').length }));
}
