import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { organisations, patients, tasks, users } from '../../db/schema';

const assignee = alias(users, 'assignee');
const team = alias(organisations, 'team');

/** Tasks with the person's name, who has each and in which team's queue: the one query task lists start from. */
export function selectTasks(db: Pick<Db, 'select'>) {
  return db
    .select({
      id: tasks.id,
      patientId: tasks.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      title: tasks.title,
      details: tasks.details,
      status: tasks.status,
      priority: tasks.priority,
      origin: tasks.origin,
      dueAt: tasks.dueAt,
      isFollowUp: tasks.isFollowUp,
      dischargeId: tasks.dischargeId,
      outcome: tasks.outcome,
      completedAt: tasks.completedAt,
      escalatedAt: tasks.escalatedAt,
      assigneeUserId: tasks.assigneeUserId,
      assigneeName: assignee.name,
      assigneeOrganisationId: tasks.assigneeOrganisationId,
      teamName: team.name,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .innerJoin(patients, eq(tasks.patientId, patients.id))
    .leftJoin(assignee, eq(tasks.assigneeUserId, assignee.id))
    .innerJoin(team, eq(tasks.assigneeOrganisationId, team.id));
}
export type TaskListRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['all']>>[number];
