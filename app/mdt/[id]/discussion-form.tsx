'use client';

import { useActionState, useState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { recordDiscussionAction } from '../actions';
import { ActionForm } from '../../components/action-form';

type Choice = { value: string; label: string };

/** One person's discussion: a note for their timeline, and actions that become tasks with an owner and due date. */
export function DiscussionForm({
  meetingId,
  patientId,
  name,
  owners,
  maxActions,
}: {
  meetingId: string;
  patientId: string;
  name: string;
  owners: Choice[];
  maxActions: number;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(recordDiscussionAction, null);
  const [rows, setRows] = useState(1);
  const id = (field: string) => `${field}-${patientId}`.replace(/\./g, '-');
  const err = (field: string) => fieldError(state, field);
  const labels: Record<string, string> = { note: `What was discussed about ${name}` };
  for (let i = 0; i < maxActions; i++) {
    labels[`actions.${i}.title`] = `Action ${i + 1}: what needs doing`;
    labels[`actions.${i}.assignee`] = `Action ${i + 1} owner`;
    labels[`actions.${i}.dueDate`] = `Action ${i + 1} due date`;
  }
  // Every action row that was filled in or has a message comes back, not only the ones asked for.
  const shown = Math.max(
    rows,
    ...[...Object.keys(state?.fieldErrors ?? {}), ...Object.keys(state?.ok ? {} : (state?.values ?? {}))].map(
      (k) => Number(/^actions\.(\d+)\./.exec(k)?.[1] ?? -1) + 1,
    ),
  );
  return (
    <ActionForm state={state} noValidate action={action}>
      <FormErrors result={state} labels={labels} idOf={id} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="patientId" value={patientId} />
      <Textarea
        id={id('note')}
        name="note"
        label={`What was discussed about ${name}`}
        hint="This goes on their timeline"
        rows={3}
        defaultValue={fieldValue(state, 'note')}
        error={err('note')}
      />
      {Array.from({ length: shown }, (_, i) => (
        <fieldset key={i} className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            Action {i + 1} <span className="nhsuk-u-font-weight-normal">(optional)</span>
          </legend>
          <div className={`nhsuk-form-group${err(`actions.${i}.title`) ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={id(`actions.${i}.title`)}>
              What needs doing
            </label>
            {err(`actions.${i}.title`) && <span className="nhsuk-error-message">{err(`actions.${i}.title`)}</span>}
            <input
              className="nhsuk-input"
              id={id(`actions.${i}.title`)}
              name={`actions.${i}.title`}
              defaultValue={fieldValue(state, `actions.${i}.title`)}
            />
          </div>
          <div className={`nhsuk-form-group${err(`actions.${i}.assignee`) ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={id(`actions.${i}.assignee`)}>
              Owner
            </label>
            {err(`actions.${i}.assignee`) && <span className="nhsuk-error-message">{err(`actions.${i}.assignee`)}</span>}
            <select
              className="nhsuk-select"
              id={id(`actions.${i}.assignee`)}
              name={`actions.${i}.assignee`}
              defaultValue={fieldValue(state, `actions.${i}.assignee`)}
            >
              <option value="">Choose who will do it</option>
              {owners.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className={`nhsuk-form-group${err(`actions.${i}.dueDate`) ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={id(`actions.${i}.dueDate`)}>
              Due date
            </label>
            {err(`actions.${i}.dueDate`) && <span className="nhsuk-error-message">{err(`actions.${i}.dueDate`)}</span>}
            <input
              className="nhsuk-input nhsuk-input--width-10"
              type="date"
              id={id(`actions.${i}.dueDate`)}
              name={`actions.${i}.dueDate`}
              defaultValue={fieldValue(state, `actions.${i}.dueDate`)}
            />
          </div>
        </fieldset>
      ))}
      {shown < maxActions && (
        <p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setRows(shown + 1)}>
            Add another action<span className="nhsuk-u-visually-hidden"> for {name}</span>
          </button>
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : `Record discussion of ${name}`}
      </Button>
    </ActionForm>
  );
}
