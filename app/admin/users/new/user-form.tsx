'use client';

import { useActionState } from 'react';
import { Button, TextInput } from 'nhsuk-react-components';
import { ChoiceField } from '../../../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { createUserAction } from '../../actions';
import { ActionForm } from '../../../components/action-form';

type Option = { value: string; label: string };

export function UserForm({ roles, organisations, passwordRules }: { roles: Option[]; organisations: Option[]; passwordRules: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(createUserAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors
        result={state}
        labels={{ name: 'Full name', email: 'Email address', role: 'Role', organisationId: 'Organisation', password: 'Temporary password' }}
      />
      <TextInput
        id="name"
        name="name"
        label="Full name"
        autoComplete="off"
        defaultValue={fieldValue(state, 'name')}
        error={fieldError(state, 'name')}
      />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="off"
        spellCheck={false}
        defaultValue={fieldValue(state, 'email')}
        error={fieldError(state, 'email')}
      />
      <ChoiceField state={state} name="role" label="Role" prompt="Choose a role" choices={roles} />
      <ChoiceField state={state} name="organisationId" label="Organisation" prompt="Choose an organisation" choices={organisations} />
      <TextInput
        id="jobTitle"
        name="jobTitle"
        label="Job title (optional)"
        defaultValue={fieldValue(state, 'jobTitle')}
        error={fieldError(state, 'jobTitle')}
      />
      <TextInput
        id="phone"
        name="phone"
        type="tel"
        label="Direct phone (optional)"
        width={20}
        defaultValue={fieldValue(state, 'phone')}
        error={fieldError(state, 'phone')}
      />
      <TextInput
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        label="Temporary password"
        hint={`${passwordRules} Give it to the person securely. They will be asked to choose their own password when they first sign in.`}
        error={fieldError(state, 'password')}
      />
      <Button type="submit" disabled={pending}>
        Add user
      </Button>
    </ActionForm>
  );
}
