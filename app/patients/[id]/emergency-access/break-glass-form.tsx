'use client';

import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { breakGlassAction } from '../actions';
import { ActionForm } from '../../../components/action-form';

export function BreakGlassForm({ patientId, minReason }: { patientId: string; minReason: number }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(breakGlassAction, null);
  return (
    <ActionForm state={state} noValidate action={action}>
      <FormErrors result={state} labels={{ reason: 'Why do you need to see this record now?' }} />
      <input type="hidden" name="patientId" value={patientId} />
      <Textarea
        id="reason"
        name="reason"
        label="Why do you need to see this record now?"
        hint={`At least ${minReason} characters. Say what the emergency is, for example “Called by the ambulance crew: collapsed at home, need the medication list”.`}
        rows={4}
        defaultValue={fieldValue(state, 'reason')}
        error={fieldError(state, 'reason')}
      />
      <Button type="submit" warning disabled={pending}>
        {pending ? 'Opening…' : 'Open the record in an emergency'}
      </Button>
    </ActionForm>
  );
}
