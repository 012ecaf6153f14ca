'use client';

import { useActionState, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FormErrors } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { setCarerAccountActiveAction } from '../actions';

/** Deactivate or reactivate a carer's account, each after confirming, with what happened said after. */
export function CarerAccountActivation({ carerUserId, name, active }: { carerUserId: string; name: string; active: boolean }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(setCarerAccountActiveAction, null);
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
        <div className="nhsuk-inset-text" role="status">
          <p>{state.message}</p>
        </div>
      )}
    </>
  );
  const verb = active ? 'Deactivate' : 'Reactivate';
  if (!confirming) {
    return (
      <>
        {outcome}
        <Button type="button" warning={active} secondary={!active} onClick={() => setConfirming(true)}>
          {verb} {name}’s account
        </Button>
      </>
    );
  }
  return (
    <form action={action}>
      {outcome}
      <input type="hidden" name="carerUserId" value={carerUserId} />
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
            ? 'They will be signed out at once and cannot sign in, for anyone they care for, until the account is reactivated.'
            : 'They will be able to sign in again and see the carer summary of each person who agrees to share with them.'}
        </p>
      </div>
      <div className="nhsuk-button-group">
        <Button type="submit" warning={active} disabled={pending}>
          Yes, {verb.toLowerCase()} {name}’s account
        </Button>
        <button type="button" className="carenav-link-button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
