'use client';

import { useActionState } from 'react';
import { Button } from 'nhsuk-react-components';
import type { FormResult } from '../../server/trpc/form-result';
import { ActionForm } from '../components/action-form';
import { FormErrors, fieldError, fieldIncludes } from '../components/form-errors';
import { choosePeopleAction } from './actions';
import { WorklistTable, type WorklistTableRow } from './worklist-table';

/** This page of the worklist with a tick box per person, to add the ticked people to a meeting. */
export function ChooseForm({
  meetingId,
  heldOn,
  rows,
  caption,
}: {
  meetingId: string;
  heldOn: string;
  rows: WorklistTableRow[];
  caption: string;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(choosePeopleAction, null);
  const error = fieldError(state, 'patientIds');
  return (
    <ActionForm state={state} action={action}>
      <FormErrors result={state} labels={{ patientIds: 'People to discuss' }} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <div id="patientIds" className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        {error && (
          <span className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <WorklistTable rows={rows} caption={caption} choose={{ ticked: (id) => fieldIncludes(state, 'patientIds', id) }} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : `Add the people ticked to the meeting of ${heldOn}`}
      </Button>
    </ActionForm>
  );
}
