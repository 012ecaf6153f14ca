'use client';

import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { cancelTaskAction, completeTaskAction, pickUpTaskAction, startTaskAction } from '../actions';
import { ActionForm } from '../../components/action-form';

type Task = { id: string; status: string; isFollowUp: boolean; assigneeUserId: string | null };

/** The actions on one task, depending on its state and who is looking. */
export function TaskForms({ task, me, returnTo }: { task: Task; me: string; returnTo: string }) {
  return (
    <>
      {!task.assigneeUserId && <OneClick action={pickUpTaskAction} task={task} label="Pick up this task" returnTo={`/tasks/${task.id}`} />}
      {task.status === 'open' && task.assigneeUserId === me && (
        <OneClick action={startTaskAction} task={task} label="Start" returnTo={`/tasks/${task.id}`} />
      )}
      <Complete task={task} returnTo={returnTo} />
      <Cancel task={task} returnTo={returnTo} />
    </>
  );
}

function OneClick({
  action,
  task,
  label,
  returnTo,
}: {
  action: (p: FormResult | null, f: FormData) => Promise<FormResult>;
  task: Task;
  label: string;
  returnTo: string;
}) {
  const [state, run, pending] = useActionState<FormResult | null, FormData>(action, null);
  return (
    <ActionForm state={state} action={run}>
      <FormErrors result={state} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Button type="submit" secondary disabled={pending}>
        {label}
      </Button>
    </ActionForm>
  );
}

function Complete({ task, returnTo }: { task: Task; returnTo: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(completeTaskAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <h2>{task.isFollowUp ? 'Record the follow-up contact' : 'Mark as done'}</h2>
      <FormErrors result={state} labels={{ outcome: task.isFollowUp ? 'Outcome of the follow-up contact' : 'Outcome' }} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {task.isFollowUp && <input type="hidden" name="followUp" value="yes" />}
      <Textarea
        id="outcome"
        name="outcome"
        label={task.isFollowUp ? 'Outcome of the follow-up contact' : 'Outcome (optional)'}
        hint={task.isFollowUp ? 'How the person is and what happens next. Whoever flagged the discharge will see this.' : undefined}
        rows={3}
        defaultValue={fieldValue(state, 'outcome')}
        error={fieldError(state, 'outcome')}
      />
      <Button type="submit" disabled={pending}>
        {task.isFollowUp ? 'Record the follow-up' : 'Mark as done'}
      </Button>
    </ActionForm>
  );
}

function Cancel({ task, returnTo }: { task: Task; returnTo: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(cancelTaskAction, null);
  return (
    <details className="nhsuk-details" open={!!state && !state.ok}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Cancel this task</span>
      </summary>
      <div className="nhsuk-details__text">
        <ActionForm state={state} action={action} noValidate>
          <FormErrors result={state} labels={{ reason: 'Why is it no longer needed?' }} />
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <Textarea
            id="reason"
            name="reason"
            label="Why is it no longer needed?"
            rows={2}
            defaultValue={fieldValue(state, 'reason')}
            error={fieldError(state, 'reason')}
          />
          <Button type="submit" warning disabled={pending}>
            Cancel the task
          </Button>
        </ActionForm>
      </div>
    </details>
  );
}
