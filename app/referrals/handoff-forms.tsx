'use client';

import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { ActionButton } from '../components/action-button';
import { ChoiceField, type Choice } from '../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../components/form-errors';
import type { FormResult } from '../../server/trpc/form-result';
import { offerHandoffAction, respondToHandoffAction } from './handoff-actions';
import { ActionForm } from '../components/action-form';

/** Offer a person to a new named contact, who must accept before anything changes. */
export function OfferHandoffForm({ patientId, candidates }: { patientId: string; candidates: Choice[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(offerHandoffAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ toUserId: 'Hand over to', note: 'Note for them' }} />
      <input type="hidden" name="patientId" value={patientId} />
      <ChoiceField
        state={state}
        name="toUserId"
        label="Hand over to"
        hint="A care navigator or social worker in any team"
        prompt="Choose who"
        choices={candidates}
      />
      <Textarea
        id="note"
        name="note"
        label="Note for them (optional)"
        rows={2}
        defaultValue={fieldValue(state, 'note')}
        error={fieldError(state, 'note')}
      />
      <Button type="submit" secondary disabled={pending}>
        Offer the hand-over
      </Button>
    </ActionForm>
  );
}

/** Accept, decline or withdraw one pending hand-over; the page it comes back to confirms it. */
export function HandoffButton({
  handoffId,
  response,
  label,
  context,
  warning,
  returnTo = '/referrals',
}: {
  handoffId: string;
  response: 'accept' | 'decline' | 'withdraw';
  label: string;
  context: string;
  warning?: boolean;
  /** The page to come back to, where the answer is confirmed. */
  returnTo?: string;
}) {
  return (
    <ActionButton
      action={respondToHandoffAction}
      fields={{ handoffId, response, returnTo }}
      label={label}
      context={context}
      secondary={!!warning}
    />
  );
}
