'use client';

import { useActionState, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { FormErrors } from './form-errors';
import type { FormResult } from '../../server/trpc/form-result';
import { ActionForm } from './action-form';

type Props = {
  /** The server action that deactivates or reactivates the account. */
  action: (prev: FormResult | null, formData: FormData) => Promise<FormResult>;
  /** What the action needs besides the change (the person and link, or the account). */
  fields: Record<string, string>;
  name: string;
  active: boolean;
  /** In a table row: small buttons, the carer's name visually hidden on the first one. */
  compact?: boolean;
  /** Added to the warning when deactivating (e.g. that the link to this record is kept). */
  keptNote?: string;
};

/**
 * Deactivate or reactivate a carer's account, each after confirming, with what happened said after.
 * Shared by the person's Carers page and the administrators' carer page; every control names the carer.
 */
export function CarerAccountToggle({ action: change, fields, name, active, compact = false, keptNote = '' }: Props) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(change, null);
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
      {state?.ok &&
        (compact ? (
          <p role="status" className="nhsuk-body-s">
            {state.message}
          </p>
        ) : (
          <div className="nhsuk-inset-text" role="status">
            <p>{state.message}</p>
          </div>
        ))}
    </>
  );
  const verb = active ? 'Deactivate' : 'Reactivate';
  const small = compact ? 'nhsuk-button--small' : undefined;
  if (!confirming) {
    return (
      <>
        {outcome}
        <Button
          type="button"
          warning={active}
          secondary={!active}
          className={compact ? 'nhsuk-button--small nhsuk-u-margin-bottom-0' : undefined}
          onClick={() => setConfirming(true)}
        >
          {verb}
          {compact ? <span className="nhsuk-u-visually-hidden"> {name}’s account</span> : ` ${name}’s account`}
        </Button>
      </>
    );
  }
  return (
    <ActionForm state={state} action={action}>
      {outcome}
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
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
            ? `They will be signed out at once and cannot sign in, for anyone they care for, until the account is reactivated.${keptNote ? ` ${keptNote}` : ''}`
            : 'They will be able to sign in again and see the carer summary of each person who agrees to share with them.'}
        </p>
      </div>
      <div className="nhsuk-button-group">
        <Button type="submit" warning={active} className={small} disabled={pending}>
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
    </ActionForm>
  );
}
