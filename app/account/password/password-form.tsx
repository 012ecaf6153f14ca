'use client';

import { useActionState } from 'react';
import { Button, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { changePasswordAction } from './actions';
import { ActionForm } from '../../components/action-form';

/** Current password, new password, and the new one again; on success, a confirmation and a way on. */
export function ChangePasswordForm({ passwordRules }: { passwordRules: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(changePasswordAction, null);
  if (state?.ok) {
    return (
      <div className="nhsuk-inset-text" role="status">
        <h2 className="nhsuk-heading-m">Password changed</h2>
        <p>{state.message}</p>
        <p>
          <a href="/">Continue to carenav</a>
        </p>
      </div>
    );
  }
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} />
      {state && !state.ok && !state.fieldErrors && <p className="nhsuk-error-message">{state.message}</p>}
      <TextInput
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        error={fieldError(state, 'currentPassword')}
      />
      <TextInput
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password"
        hint={passwordRules}
        autoComplete="new-password"
        error={fieldError(state, 'newPassword')}
      />
      <TextInput
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="Confirm new password"
        autoComplete="new-password"
        error={fieldError(state, 'confirmPassword')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing your password…' : 'Change password'}
      </Button>
    </ActionForm>
  );
}
