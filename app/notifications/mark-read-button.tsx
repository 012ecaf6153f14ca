'use client';

import { useActionState } from 'react';
import type { FormResult } from '../../server/trpc/form-result';
import { markReadAction } from './actions';

export function MarkReadButton({ notificationId, label, hiddenContext }: { notificationId?: string; label: string; hiddenContext?: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(markReadAction, null);
  return (
    <form action={action}>
      {notificationId && <input type="hidden" name="notificationId" value={notificationId} />}
      <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={pending}>
        {label}
        {hiddenContext && <span className="nhsuk-u-visually-hidden">: {hiddenContext}</span>}
      </button>
      {state && !state.ok && (
        <p className="nhsuk-error-message" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
