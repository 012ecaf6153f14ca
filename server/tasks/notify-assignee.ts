import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { notify } from '../notifications/notify';

/** Tells someone a colleague gave them a task (nobody is told about work they took themselves). */
export async function notifyAssignee(
  tx: Pick<Db, 'insert' | 'select'>,
  task: { id: string; title: string; assigneeUserId: string; patientId: string },
  actor: Actor,
  now: number,
) {
  await notify(
    tx,
    [task.assigneeUserId],
    {
      kind: 'task_assigned',
      title: `${actor.name} gave you a task: ${task.title}`,
      link: `/tasks/${task.id}`,
      about: { patientId: task.patientId, permission: 'patient.read' },
    },
    now,
  );
}
