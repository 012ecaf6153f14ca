'use client';

import { useActionState, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FormErrors } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { setCarerActiveAction } from '../actions';

/**
 * Deactivate or reactivate one linked carer's account, each after confirming. Shown once per carer in
 * the table, so every control names the carer it acts on.
 */
export function CarerAccountForm({
  patientId,
  carerLinkId,
  name,
  active,
}: {
  patientId: string;
  carerLinkId: string;
  name: string;
  active: boolean;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(setCarerActiveAction, null);
  const [confirming, setConfirming] = useState(false);
  // Once the answer comes back, the confirmation has done its job (the form stays mounted until then).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    setConfirming(false);
  }
  const outcome = (
    <>
      <FormErrors result={state} />
      {state?.ok && (
        <p role="status" className="nhsuk-body-s">
          {state.message}
        </p>
      )}
    </>
  );
  const verb = active ? 'Deactivate' : 'Reactivate';
  if (!confirming) {
    return (
      <>
        {outcome}
        <Button
          type="button"
          warning={active}
          secondary={!active}
          className="nhsuk-button--small nhsuk-u-margin-bottom-0"
          onClick={() => setConfirming(true)}
        >
          {verb}
          <span className="nhsuk-u-visually-hidden"> {name}’s account</span>
        </Button>
      </>
    );
  }
  return (
    <form action={action}>
      {outcome}
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="carerLinkId" value={carerLinkId} />
      <input type="hidden" name="change" value={active ? 'deactivate' : 'reactivate'} />
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            {verb} {name}’s account?
          </span>
        </h3>
        <p>
          {active
            ? 'They will be signed out at once and cannot sign in, for anyone they care for, until the account is reactivated. Their link to this record is kept.'
            : 'They will be able to sign in again and see the carer summary of each person who agrees to share with them.'}
        </p>
      </div>
      <div className="nhsuk-button-group">
        <Button type="submit" warning={active} className="nhsuk-button--small" disabled={pending}>
          Yes, {verb.toLowerCase()} {name}’s account
        </Button>
        <button type="button" className="carenav-link-button" onClick={() => setConfirming(false)}>
          Cancel
          <span className="nhsuk-u-visually-hidden">
            {' '}
            {active ? 'deactivating' : 'reactivating'} {name}’s account
          </span>
        </button>
      </div>
    </form>
  );
}
