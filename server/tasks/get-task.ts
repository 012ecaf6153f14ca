import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import { NotFound } from '../errors';
import { selectTasks } from './task-columns';

/** One task with the person's name and who has it. */
export async function getTask(db: Db, taskId: string) {
  const task = await selectTasks(db).where(eq(tasks.id, taskId)).get();
  if (!task) throw new NotFound('This task does not exist.');
  return task;
}
