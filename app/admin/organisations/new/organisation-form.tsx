'use client';

import { useActionState } from 'react';
import { Button, TextInput } from 'nhsuk-react-components';
import { ChoiceField } from '../../../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { createOrganisationAction } from '../../actions';
import { ActionForm } from '../../../components/action-form';

type Option = { id: string; name: string };

export function OrganisationForm({ kinds, navigatorTeams }: { kinds: { value: string; label: string }[]; navigatorTeams: Option[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(createOrganisationAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors
        result={state}
        labels={{
          name: 'Name',
          kind: 'Type',
          odsCode: 'ODS code',
          phone: 'Phone',
          email: 'Email',
          navigatorTeamId: 'Navigator team (GP practices only)',
        }}
      />
      <TextInput id="name" name="name" label="Name" defaultValue={fieldValue(state, 'name')} error={fieldError(state, 'name')} />
      <ChoiceField state={state} name="kind" label="Type" prompt="Choose a type" choices={kinds} />
      <TextInput
        id="odsCode"
        name="odsCode"
        label="ODS code (optional)"
        width={10}
        defaultValue={fieldValue(state, 'odsCode')}
        error={fieldError(state, 'odsCode')}
      />
      <TextInput
        id="phone"
        name="phone"
        type="tel"
        label="Phone (optional)"
        width={20}
        defaultValue={fieldValue(state, 'phone')}
        error={fieldError(state, 'phone')}
      />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email (optional)"
        defaultValue={fieldValue(state, 'email')}
        error={fieldError(state, 'email')}
      />
      <ChoiceField
        state={state}
        name="navigatorTeamId"
        label="Navigator team (GP practices only)"
        hint="New people registered at this practice join this team’s caseload"
        prompt="None"
        choices={navigatorTeams.map((t) => ({ value: t.id, label: t.name }))}
      />
      <Button type="submit" disabled={pending}>
        Add organisation
      </Button>
    </ActionForm>
  );
}
