import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, patients, tasks } from '../../db/schema';
import { SYSTEM_ACTOR } from '../access/actor';
import { notify, teamNavigators } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';
import { formatDateTime } from '../calendar/england-time';
import { UNFINISHED } from './task-fields';

/** How often the server looks for overdue tasks: escalation follows within this long. */
export const ESCALATION_INTERVAL_MS = 60_000;
const BATCH = 500;

/**
 * Escalates each overdue unfinished task once: the person's named contact (or, if they have none,
 * the navigators of their caseload team) is notified, and the timeline says so. `escalatedAt` is set
 * in the same transaction, with a guard, so a task is never escalated twice however often this runs.
 */
export async function escalateOverdueTasks(db: Db, now = Date.now()): Promise<{ escalated: number }> {
  const due = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      patientId: tasks.patientId,
      dueAt: tasks.dueAt,
      givenName: patients.givenName,
      familyName: patients.familyName,
      namedContactUserId: patients.namedContactUserId,
      caseloadOrganisationId: patients.caseloadOrganisationId,
      teamId: tasks.assigneeOrganisationId,
      teamSector: organisations.sector,
    })
    .from(tasks)
    .innerJoin(patients, eq(tasks.patientId, patients.id))
    .innerJoin(organisations, eq(tasks.assigneeOrganisationId, organisations.id))
    .where(and(isNull(tasks.escalatedAt), lt(tasks.dueAt, now), inArray(tasks.status, UNFINISHED)))
    .limit(BATCH)
    .all();
  let escalated = 0;
  for (const task of due) {
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(tasks)
        .set({ escalatedAt: now })
        // Still unfinished and overdue: the list was read before, and other requests write between these transactions.
        .where(and(eq(tasks.id, task.id), isNull(tasks.escalatedAt), lt(tasks.dueAt, now), inArray(tasks.status, UNFINISHED)))
        .run();
      if (claimed.changes !== 1) return;
      escalated++;
      const name = `${task.givenName} ${task.familyName}`;
      await appendEvent(
        tx,
        SYSTEM_ACTOR,
        {
          patientId: task.patientId,
          kind: 'task_escalated',
          summary: `Overdue task escalated to the named contact: ${task.title}`,
          body: `Was due ${formatDateTime(task.dueAt!)}.`,
          subjectType: 'task',
          subjectId: task.id,
          // The escalation belongs to the team whose task it is.
          onBehalfOf: { organisationId: task.teamId, sector: task.teamSector },
        },
        now,
      );
      const toTell = task.namedContactUserId ? [task.namedContactUserId] : await teamNavigators(tx, task.caseloadOrganisationId);
      await notify(
        tx,
        toTell,
        {
          kind: 'task_escalated',
          title: `Overdue for ${name}: ${task.title}`,
          body: `Was due ${formatDateTime(task.dueAt!)}.`,
          link: `/tasks/${task.id}`,
          about: { patientId: task.patientId, permission: 'patient.read' },
        },
        now,
      );
    });
  }
  return { escalated };
}
