'use client';

import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../components/form-errors';
import type { FormResult } from '../../server/trpc/form-result';
import { sendCarerUpdateAction } from './actions';
import { ActionForm } from '../components/action-form';

/** "Send an update": a short message to the named contact that goes on the person's record. */
export function CarerUpdateForm({ patientId, name }: { patientId: string; name: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(sendCarerUpdateAction, null);
  const id = `message-${patientId}`;
  return (
    <ActionForm state={state} noValidate action={action}>
      <FormErrors result={state} labels={{ message: `Send an update about ${name}` }} idOf={() => id} />
      {state?.ok && (
        <p className="nhsuk-body" role="status">
          {state.message}
        </p>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      <Textarea
        id={id}
        name="message"
        label={`Send an update about ${name}`}
        hint="For example, a change you have noticed, or something the care team should know. Up to 1,000 characters. If it is urgent, phone the named contact or 111; in an emergency call 999."
        rows={3}
        key={state?.ok ? state.at : 'message'}
        defaultValue={state?.ok ? '' : fieldValue(state, 'message')}
        error={fieldError(state, 'message')}
      />
      <Button type="submit" secondary disabled={pending}>
        {pending ? 'Sending…' : 'Send update'}
      </Button>
    </ActionForm>
  );
}
