'use client';

import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { Button, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../components/form-errors';
import type { FormResult } from '../../server/trpc/form-result';
import { acceptInvitationAction } from './actions';

/** Sets the carer's password (or checks their existing one), accepts, signs them in and opens /carer. */
export function AcceptInvitationForm({
  token,
  email,
  carerName,
  hasAccount,
  passwordRules,
}: {
  token: string;
  email: string;
  carerName: string;
  hasAccount: boolean;
  passwordRules: string;
}) {
  const [state, setState] = useState<FormResult | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await acceptInvitationAction(null, form);
    if (!result.ok) {
      setState(result);
      setPending(false);
      return;
    }
    const password = form.get('password');
    const signedIn = await signIn('credentials', { email, password: typeof password === 'string' ? password : '', redirect: false });
    if (!signedIn || signedIn.error) {
      setState({
        ok: false,
        message: 'Your account is ready, but signing in failed. Sign in with your email address and password.',
        at: Date.now(),
      });
      setPending(false);
      return;
    }
    window.location.assign('/carer');
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)}>
      <FormErrors
        result={state}
        labels={{ name: 'Full name', password: 'Password', confirmPassword: 'Confirm password', token: 'Invitation' }}
      />
      {state && !state.ok && !state.fieldErrors && <p className="nhsuk-error-message">{state.message}</p>}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} autoComplete="username" />
      {hasAccount ? (
        <p>You already have a carenav account with this email address. Enter its password to add this person to it.</p>
      ) : (
        <>
          <TextInput
            id="name"
            name="name"
            label="Your full name"
            autoComplete="name"
            defaultValue={fieldValue(state, 'name', carerName.replace(/\s*\(.*\)\s*$/, ''))}
            error={fieldError(state, 'name')}
          />
          <div className="nhsuk-inset-text">
            <h2 className="nhsuk-heading-s">Choosing a password</h2>
            <p>{passwordRules}</p>
          </div>
        </>
      )}
      <TextInput
        id="password"
        name="password"
        type="password"
        label={hasAccount ? 'Password' : 'Create a password'}
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        error={fieldError(state, 'password')}
      />
      {!hasAccount && (
        <TextInput
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          label="Type the password again"
          autoComplete="new-password"
          error={fieldError(state, 'confirmPassword')}
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Setting up…' : hasAccount ? 'Accept and sign in' : 'Create account and sign in'}
      </Button>
    </form>
  );
}
