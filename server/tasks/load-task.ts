import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, Forbidden, NotFound } from '../errors';
import { TASK_STATUS_LABELS, UNFINISHED } from './task-fields';

export type TaskRow = typeof tasks.$inferSelect;

/** The task a change is about, refusing if it is already finished (done or cancelled). */
export async function loadUnfinishedTask(tx: Pick<Db, 'select'>, taskId: string): Promise<TaskRow> {
  const task = await tx.select().from(tasks).where(eq(tasks.id, taskId)).get();
  if (!task) throw new NotFound('This task does not exist.');
  if (!UNFINISHED.includes(task.status)) {
    throw new Conflict(`This task is already ${TASK_STATUS_LABELS[task.status].toLowerCase()}: it cannot be changed.`);
  }
  return task;
}

/**
 * Taking a task for yourself: only from your own team's queue, and not from under a colleague
 * who already has it (they would both work it, or it would silently change hands).
 */
export async function checkCanTake(tx: Pick<Db, 'select'>, actor: Actor, task: TaskRow): Promise<void> {
  const mine = task.assigneeUserId === actor.userId;
  // Another organisation's task, whoever there has it, is refused outright: never a conflict that
  // tells a care-team member from another team who holds that team's work.
  if (!mine && task.assigneeOrganisationId !== actor.organisationId) {
    throw new Forbidden(
      task.assigneeUserId
        ? 'This task is another team’s: only that team can work on it.'
        : 'This task is in another team’s queue: only that team can pick it up.',
    );
  }
  if (task.assigneeUserId && !mine) {
    const holder = await tx.select({ name: users.name }).from(users).where(eq(users.id, task.assigneeUserId)).get();
    throw new Conflict(`${holder?.name ?? 'A colleague'} already has this task.`);
  }
}
