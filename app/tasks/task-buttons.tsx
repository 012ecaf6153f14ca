'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { FormResult } from '../../server/trpc/form-result';
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
      {!task.assigneeUserId && <ActionButton action={pickUpTaskAction} task={task} returnTo={returnTo} label="Pick up" />}
      {task.assigneeUserId === me &&
        (task.isFollowUp ? (
          <Link href={`/tasks/${task.id}`}>
            Record the follow-up<span className="nhsuk-u-visually-hidden">: {task.title}</span>
          </Link>
        ) : (
          <ActionButton action={completeTaskAction} task={task} returnTo={returnTo} label="Mark done" />
        ))}
    </div>
  );
}

function ActionButton({
  action,
  task,
  returnTo,
  label,
}: {
  action: (prev: FormResult | null, formData: FormData) => Promise<FormResult>;
  task: Task;
  returnTo: string;
  label: string;
}) {
  const [state, run, pending] = useActionState<FormResult | null, FormData>(action, null);
  return (
    <form action={run}>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" disabled={pending}>
        {label}
        <span className="nhsuk-u-visually-hidden">: {task.title}</span>
      </button>
      {state && !state.ok && (
        <p className="nhsuk-error-message nhsuk-u-margin-bottom-0" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
