'use client';

import { useActionState } from 'react';
import type { FormResult } from '../../server/trpc/form-result';
import { ActionForm } from './action-form';

type Action = (prev: FormResult | null, formData: FormData) => Promise<FormResult>;

/**
 * A one-click action in a list (pick up, mark read, accept): a small button posting hidden fields,
 * whose accessible name says what it acts on, with the refusal shown beside it.
 */
export function ActionButton({
  action,
  fields,
  label,
  context,
  secondary = true,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  context?: string;
  secondary?: boolean;
}) {
  const [state, run, pending] = useActionState<FormResult | null, FormData>(action, null);
  return (
    <ActionForm state={state} action={run}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0${secondary ? ' nhsuk-button--secondary' : ''}`}
        disabled={pending}
      >
        {label}
        {context && <span className="nhsuk-u-visually-hidden">: {context}</span>}
      </button>
      {state && !state.ok && (
        <p className="nhsuk-error-message nhsuk-u-margin-bottom-0" role="alert">
          {state.message}
        </p>
      )}
    </ActionForm>
  );
}
