import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mdtChosen, mdtDiscussions, patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { loadPatientFacts } from '../access/load-patient-facts';
import { decidePatientAccess } from '../access/policy';
import { Conflict, Forbidden } from '../errors';
import { teamMeeting } from './team-meeting';
import { newId } from '../ids';
import { IdSchema } from '../validation';
import { MDT_PAGE_SIZE } from './mdt-worklist';

export const ChoosePeopleSchema = z.object({
  meetingId: IdSchema('Meeting'),
  patientIds: z
    .array(IdSchema('Person'), { error: 'People to discuss: choose at least one person' })
    .min(1, 'People to discuss: choose at least one person')
    .max(MDT_PAGE_SIZE, `People to discuss: choose at most ${MDT_PAGE_SIZE} at a time`),
});
export type ChoosePeopleInput = z.infer<typeof ChoosePeopleSchema>;

export const UnchoosePersonSchema = z.object({ meetingId: IdSchema('Meeting'), patientId: IdSchema('Person') });
export type UnchoosePersonInput = z.infer<typeof UnchoosePersonSchema>;

/**
 * Chooses people from the worklist for a meeting of the actor's team: the meeting discusses them.
 * Every one must be on the team's caseload and someone the actor may take to an MDT (the policy
 * decides each); otherwise nobody is added. Choosing someone already chosen changes nothing.
 */
export async function choosePeople(db: Db, actor: Actor, input: ChoosePeopleInput): Promise<{ added: number }> {
  const meeting = await teamMeeting(db, actor, input.meetingId);
  const ids = [...new Set(input.patientIds)];
  // A meeting discusses its own team's caseload: a person reached another way (their care team, a
  // referral) is another team's to discuss, and the rest of this team could not see or remove them.
  const onCaseload = new Set(
    (
      await db
        .select({ id: patients.id })
        .from(patients)
        .where(and(inArray(patients.id, ids), eq(patients.caseloadOrganisationId, meeting.organisationId), eq(patients.status, 'active')))
        .all()
    ).map((p) => p.id),
  );
  const facts = await loadPatientFacts(db, actor, ids);
  for (const id of ids) {
    const f = facts.get(id);
    const decision = f ? decidePatientAccess(actor, f, 'mdt.work') : undefined;
    if (!decision?.allowed || !onCaseload.has(id)) {
      actor.access?.audit?.refused(
        f ? id : null,
        !f ? 'not_found' : !decision?.allowed ? (decision?.rule ?? 'not_found') : 'not_on_team_caseload',
      );
      throw new Forbidden('You cannot take one of the people chosen to this meeting. Go back to the worklist and choose again.');
    }
  }
  actor.access?.audit?.people(ids);
  return await db.transaction(async (tx) => {
    const now = Date.now();
    let added = 0;
    for (const patientId of ids) {
      const result = await tx
        .insert(mdtChosen)
        .values({ id: newId(), meetingId: meeting.id, patientId, chosenByUserId: actor.userId, chosenAt: now })
        .onConflictDoNothing()
        .run();
      added += result.changes;
    }
    return { added };
  });
}

/** Takes a person off a meeting's list before they are discussed (once discussed, the record stands). */
export async function unchoosePerson(db: Db, actor: Actor, input: UnchoosePersonInput): Promise<{ removed: boolean }> {
  const meeting = await teamMeeting(db, actor, input.meetingId);
  return await db.transaction(async (tx) => {
    const discussed = await tx
      .select({ id: mdtDiscussions.id })
      .from(mdtDiscussions)
      .where(and(eq(mdtDiscussions.meetingId, meeting.id), eq(mdtDiscussions.patientId, input.patientId)))
      .get();
    if (discussed) throw new Conflict('This person has been discussed at the meeting: the discussion stays on the record.');
    const result = await tx
      .delete(mdtChosen)
      .where(and(eq(mdtChosen.meetingId, meeting.id), eq(mdtChosen.patientId, input.patientId)))
      .run();
    return { removed: result.changes > 0 };
  });
}
