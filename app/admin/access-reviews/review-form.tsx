'use client';

import { useActionState } from 'react';
import { Button, Radios, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { reviewAccessAction } from '../actions';
import { ActionForm } from '../../components/action-form';

/** Mark one use of emergency access appropriate or inappropriate, with a note. */
export function ReviewForm({ grantId, who }: { grantId: string; who: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(reviewAccessAction, null);
  const id = (field: string) => `${field}-${grantId}`;
  return (
    <ActionForm state={state} noValidate action={action}>
      <FormErrors result={state} labels={{ outcome: `Was ${who}’s emergency access appropriate?`, note: 'Note' }} idOf={id} />
      <input type="hidden" name="grantId" value={grantId} />
      <Radios
        id={id('outcome')}
        idPrefix={id('outcome')}
        name="outcome"
        legend={`Was ${who}’s emergency access appropriate?`}
        inline
        error={fieldError(state, 'outcome')}
      >
        <Radios.Item value="appropriate" defaultChecked={fieldValue(state, 'outcome') === 'appropriate'}>
          Appropriate
        </Radios.Item>
        <Radios.Item value="inappropriate" defaultChecked={fieldValue(state, 'outcome') === 'inappropriate'}>
          Inappropriate
        </Radios.Item>
      </Radios>
      <Textarea
        id={id('note')}
        name="note"
        label="Note"
        hint="What you checked and why you decided this"
        rows={2}
        defaultValue={fieldValue(state, 'note')}
        error={fieldError(state, 'note')}
      />
      <Button type="submit" secondary disabled={pending}>
        {pending ? 'Saving…' : 'Save review'}
      </Button>
    </ActionForm>
  );
}
