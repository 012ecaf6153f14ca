import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { mayChangeTask, type TaskOwnership } from '../access/policy';
import { Conflict, Forbidden } from '../errors';
import { notify } from '../notifications/notify';
import { ACTIVE_STATUSES } from '../discharges/discharge-fields';
import { appendEvent } from '../timeline/append-event';
import { requiredText } from '../validation';
import { loadUnfinishedTask } from './load-task';
import { UNFINISHED } from './task-fields';

export const CancelTaskSchema = z.object({
  taskId: z.uuid(),
  reason: requiredText('Reason', 500, 'Enter why this task is no longer needed'),
});
export type CancelTaskInput = z.infer<typeof CancelTaskSchema>;

/** Cancels a task that is no longer needed, with the reason on the timeline. */
export async function cancelTask(db: Db, actor: Actor, input: CancelTaskInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const task = await loadUnfinishedTask(tx, input.taskId);
    // The same ownership rule as marking it done: another team on the care team cannot cancel this team's work.
    if (!mayChangeTask(actor, task)) throw new Forbidden('Only the person who has this task, or their team, can change it.');
    if (task.isFollowUp && task.dischargeId) {
      const discharge = await tx.select({ status: discharges.status }).from(discharges).where(eq(discharges.id, task.dischargeId)).get();
      // Without the follow-up the loop can never close: end the discharge itself instead.
      if (discharge && ACTIVE_STATUSES.includes(discharge.status)) {
        throw new Conflict('The follow-up contact cannot be cancelled on its own: close the discharge with a reason instead.');
      }
    }
    const now = Date.now();
    await cancelTasks(tx, actor, [task], input.reason, now);
    return { id: task.id };
  });
}

/**
 * Cancels unfinished tasks with one reason, each with its timeline event (also used when a discharge
 * closes), and tells whoever had each task if someone else cancelled it.
 */
export async function cancelTasks(
  tx: Pick<Db, 'insert' | 'update' | 'select'>,
  actor: Actor,
  toCancel: ({ id: string; patientId: string; title: string } & TaskOwnership)[],
  reason: string,
  now: number,
): Promise<void> {
  for (const task of toCancel) {
    const cancelled = await tx
      .update(tasks)
      .set({ status: 'cancelled', outcome: reason, completedAt: now, completedByUserId: actor.userId, updatedAt: now })
      .where(and(eq(tasks.id, task.id), inArray(tasks.status, UNFINISHED)))
      .run();
    if (cancelled.changes !== 1) throw new Conflict('Someone else changed this task just now.');
    await appendEvent(
      tx,
      actor,
      {
        patientId: task.patientId,
        kind: 'task_cancelled',
        summary: `Task cancelled: ${task.title}`,
        body: reason,
        subjectType: 'task',
        subjectId: task.id,
      },
      now,
    );
    // The owner hears of it with only the task's own title and link: what they already may read.
    if (task.assigneeUserId && task.assigneeUserId !== actor.userId) {
      await notify(
        tx,
        [task.assigneeUserId],
        {
          kind: 'task_cancelled',
          title: `${actor.name} cancelled your task: ${task.title}`,
          link: `/tasks/${task.id}`,
          about: { patientId: task.patientId, permission: 'patient.read' },
        },
        now,
      );
    }
  }
}
