'use client';

import { useActionState } from 'react';
import { Button, TextInput } from 'nhsuk-react-components';
import { ActionButton } from '../../components/action-button';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { addOutcomeReasonAction, removeOutcomeReasonAction } from '../actions';
import { ActionForm } from '../../components/action-form';

/** The reasons offered when a referral is completed as not successful; removing one asks first. */
export function OutcomeReasons({ reasons }: { reasons: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(addOutcomeReasonAction, null);
  return (
    <>
      <ul className="nhsuk-list nhsuk-list--border">
        {reasons.map((r) => (
          <li key={r.id}>
            {r.label}
            <details className="nhsuk-details nhsuk-u-margin-bottom-0">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  Remove<span className="nhsuk-u-visually-hidden"> the reason {r.label}</span>
                </span>
              </summary>
              <div className="nhsuk-details__text">
                <p>Referrals already closed with this reason keep it.</p>
                <ActionButton
                  action={removeOutcomeReasonAction}
                  fields={{ reasonId: r.id }}
                  label="Yes, remove it"
                  context={r.label}
                  secondary={false}
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <ActionForm state={state} action={action} noValidate>
        <FormErrors result={state} labels={{ label: 'New reason' }} />
        {state?.ok && <p role="status">{state.message}</p>}
        <TextInput
          id="label"
          name="label"
          label="New reason"
          key={`l-${state?.at ?? 0}`}
          defaultValue={state?.ok ? '' : fieldValue(state, 'label')}
          error={fieldError(state, 'label')}
        />
        <Button type="submit" secondary disabled={pending}>
          Add reason
        </Button>
      </ActionForm>
    </>
  );
}
