import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { discharges, organisations, patients, tasks, users } from '../../db/schema';
import { NotFound } from '../errors';

const flagger = alias(users, 'flagger');
const flaggerOrg = alias(organisations, 'flagger_org');
const followedUpBy = alias(users, 'followed_up_by');
const assignee = alias(users, 'assignee');
const team = alias(organisations, 'team');

/**
 * One discharge with its checklist: what the flagger, the navigator team and the GP see. Only the
 * person's name and identifiers come from the record, so hospital staff see nothing beyond their flag.
 */
export async function getDischarge(db: Db, dischargeId: string) {
  const row = await db
    .select({
      discharge: discharges,
      patient: {
        id: patients.id,
        givenName: patients.givenName,
        familyName: patients.familyName,
        nhsNumber: patients.nhsNumber,
        dateOfBirth: patients.dateOfBirth,
      },
      flaggedByName: flagger.name,
      flaggedByOrganisationName: flaggerOrg.name,
      followedUpByName: followedUpBy.name,
    })
    .from(discharges)
    .innerJoin(patients, eq(discharges.patientId, patients.id))
    .innerJoin(flagger, eq(discharges.flaggedByUserId, flagger.id))
    .leftJoin(flaggerOrg, eq(discharges.flaggedByOrganisationId, flaggerOrg.id))
    .leftJoin(followedUpBy, eq(discharges.followedUpByUserId, followedUpBy.id))
    .where(eq(discharges.id, dischargeId))
    .get();
  if (!row) throw new NotFound('This discharge does not exist.');
  const checklist = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      dueAt: tasks.dueAt,
      isFollowUp: tasks.isFollowUp,
      outcome: tasks.outcome,
      completedAt: tasks.completedAt,
      assigneeUserId: tasks.assigneeUserId,
      assigneeName: assignee.name,
      teamName: team.name,
    })
    .from(tasks)
    .leftJoin(assignee, eq(tasks.assigneeUserId, assignee.id))
    .innerJoin(team, eq(tasks.assigneeOrganisationId, team.id))
    .where(eq(tasks.dischargeId, dischargeId))
    .orderBy(asc(tasks.position), asc(tasks.createdAt))
    .all();
  return { ...row, checklist };
}
export type DischargeDetail = Awaited<ReturnType<typeof getDischarge>>;
