'use client';

import Link from 'next/link';
import { ActionButton } from '../components/action-button';
import { completeTaskAction, pickUpTaskAction } from './actions';

type Task = { id: string; title: string; status: string; assigneeUserId: string | null; isFollowUp: boolean };

/**
 * The quick actions on a task in a list: pick it up from the queue, or mark it done. The follow-up
 * contact needs its outcome, so it links to the task page instead.
 */
export function TaskButtons({ task, me, returnTo }: { task: Task; me: string; returnTo: string }) {
  const unfinished = task.status === 'open' || task.status === 'in_progress';
  if (!unfinished) return null;
  return (
    <div className="carenav-actions">
      {!task.assigneeUserId && (
        <ActionButton action={pickUpTaskAction} fields={{ taskId: task.id, returnTo }} label="Pick up" context={task.title} />
      )}
      {task.assigneeUserId === me &&
        (task.isFollowUp ? (
          <Link href={`/tasks/${task.id}`}>
            Record the follow-up<span className="nhsuk-u-visually-hidden">: {task.title}</span>
          </Link>
        ) : (
          <ActionButton action={completeTaskAction} fields={{ taskId: task.id, returnTo }} label="Mark done" context={task.title} />
        ))}
    </div>
  );
}
