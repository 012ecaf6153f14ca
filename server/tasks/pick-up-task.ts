import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict } from '../errors';
import { appendEvent } from '../timeline/append-event';
import { checkCanTake, loadUnfinishedTask } from './load-task';

export const PickUpTaskSchema = z.object({ taskId: z.uuid() });
export type PickUpTaskInput = z.infer<typeof PickUpTaskSchema>;

/** Takes a task from the team queue: it becomes mine. */
export async function pickUpTask(db: Db, actor: Actor, input: PickUpTaskInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const task = await loadUnfinishedTask(tx, input.taskId);
    if (task.assigneeUserId === actor.userId) throw new Conflict('You already have this task.');
    await checkCanTake(tx, actor, task);
    const now = Date.now();
    // Only while still unassigned, so two people picking it up at once cannot both get it.
    const taken = await tx
      .update(tasks)
      .set({ assigneeUserId: actor.userId, updatedAt: now })
      .where(and(eq(tasks.id, task.id), isNull(tasks.assigneeUserId)))
      .run();
    if (taken.changes !== 1) throw new Conflict('Someone else picked up this task just now.');
    await appendEvent(
      tx,
      actor,
      {
        patientId: task.patientId,
        kind: 'task_assigned',
        summary: `Task picked up by ${actor.name}: ${task.title}`,
        subjectType: 'task',
        subjectId: task.id,
      },
      now,
    );
    return { id: task.id };
  });
}
