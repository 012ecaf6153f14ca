import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { mayChangeTask } from '../access/policy';
import { Conflict, Forbidden, Invalid } from '../errors';
import { recordFollowUp } from '../discharges/record-follow-up';
import { appendEvent } from '../timeline/append-event';
import { freeText } from '../validation';
import { loadUnfinishedTask } from './load-task';
import { UNFINISHED } from './task-fields';

export const CompleteTaskSchema = z.object({
  taskId: z.uuid(),
  outcome: freeText('Outcome', 2000).default(''),
});
export type CompleteTaskInput = z.infer<typeof CompleteTaskSchema>;

/**
 * Marks a task done. The follow-up contact after a discharge needs its outcome, and recording it
 * closes the loop on the discharge (see recordFollowUp).
 */
export async function completeTask(db: Db, actor: Actor, input: CompleteTaskInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const task = await loadUnfinishedTask(tx, input.taskId);
    // The person who has it, or anyone in its team covering for them.
    if (!mayChangeTask(actor, task)) {
      throw new Forbidden('Only the person who has this task, or their team, can mark it done.');
    }
    if (task.isFollowUp && !input.outcome) throw new Invalid('outcome', 'Enter the outcome of the follow-up contact');
    const now = Date.now();
    const done = await tx
      .update(tasks)
      .set({
        status: 'done',
        outcome: input.outcome || null,
        completedAt: now,
        completedByUserId: actor.userId,
        assigneeUserId: task.assigneeUserId ?? actor.userId,
        updatedAt: now,
      })
      .where(and(eq(tasks.id, task.id), inArray(tasks.status, UNFINISHED)))
      .run();
    if (done.changes !== 1) throw new Conflict('Someone else changed this task just now.');
    await appendEvent(
      tx,
      actor,
      {
        patientId: task.patientId,
        kind: 'task_done',
        summary: `Task done: ${task.title}`,
        body: input.outcome,
        subjectType: 'task',
        subjectId: task.id,
      },
      now,
    );
    if (task.isFollowUp && task.dischargeId) await recordFollowUp(tx, actor, task.dischargeId, input.outcome, now);
    return { id: task.id };
  });
}
