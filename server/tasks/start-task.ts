import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict } from '../errors';
import { appendEvent } from '../timeline/append-event';
import { checkCanTake, loadUnfinishedTask } from './load-task';

export const StartTaskSchema = z.object({ taskId: z.uuid() });
export type StartTaskInput = z.infer<typeof StartTaskSchema>;

/** Marks a task in progress; starting one from the team queue also takes it. */
export async function startTask(db: Db, actor: Actor, input: StartTaskInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const task = await loadUnfinishedTask(tx, input.taskId);
    if (task.status === 'in_progress') throw new Conflict('This task is already in progress.');
    await checkCanTake(tx, actor, task);
    const now = Date.now();
    const started = await tx
      .update(tasks)
      .set({ status: 'in_progress', assigneeUserId: actor.userId, updatedAt: now })
      .where(and(eq(tasks.id, task.id), eq(tasks.status, 'open')))
      .run();
    if (started.changes !== 1) throw new Conflict('Someone else changed this task just now.');
    await appendEvent(
      tx,
      actor,
      {
        patientId: task.patientId,
        kind: 'task_started',
        summary: `Task started by ${actor.name}: ${task.title}`,
        subjectType: 'task',
        subjectId: task.id,
      },
      now,
    );
    return { id: task.id };
  });
}
