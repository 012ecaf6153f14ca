import type { Db } from '../../db/client';
import { tasks, type TaskOrigin, type TaskPriority } from '../../db/schema';
import type { Actor } from '../access/actor';
import { newId } from '../ids';
import { appendEvent } from '../timeline/append-event';

export type NewTask = {
  patientId: string;
  title: string;
  details?: string;
  assigneeUserId?: string | null;
  assigneeOrganisationId: string;
  dueAt?: number | null;
  priority?: TaskPriority;
  origin: TaskOrigin;
  dischargeId?: string | null;
  mdtDiscussionId?: string | null;
  isFollowUp?: boolean;
  position?: number;
};

/** Creates a task and its "task created" timeline event, inside the caller's transaction. */
export async function insertTask(tx: Pick<Db, 'insert' | 'update'>, actor: Actor, task: NewTask, now = Date.now()): Promise<string> {
  const id = newId();
  await tx
    .insert(tasks)
    .values({ id, ...task, createdByUserId: actor.userId, createdAt: now, updatedAt: now })
    .run();
  await appendEvent(
    tx,
    actor,
    { patientId: task.patientId, kind: 'task_created', summary: `Task created: ${task.title}`, subjectType: 'task', subjectId: id },
    now,
  );
  return id;
}
