'use client';

import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../../../components/form-errors';
import type { FormResult } from '../../../../../../server/trpc/form-result';
import { amendEventAction } from '../../../actions';
import { ActionForm } from '../../../../../components/action-form';

export function AmendForm({ patientId, eventId }: { patientId: string; eventId: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(amendEventAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ text: 'Correction' }} />
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="eventId" value={eventId} />
      <Textarea
        id="text"
        name="text"
        label="Correction"
        hint="Say what was wrong and what is right. The original entry stays on the timeline, marked as corrected."
        rows={5}
        defaultValue={fieldValue(state, 'text')}
        error={fieldError(state, 'text')}
      />
      <div className="nhsuk-button-group">
        <Button type="submit" disabled={pending}>
          Add correction
        </Button>
        <a className="nhsuk-link" href={`/patients/${patientId}#event-${eventId}`}>
          Cancel
        </a>
      </div>
    </ActionForm>
  );
}
