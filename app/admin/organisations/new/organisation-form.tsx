'use client';

import { useActionState } from 'react';
import { Button, Select, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { createOrganisationAction } from '../../actions';

type Option = { id: string; name: string };

export function OrganisationForm({ kinds, navigatorTeams }: { kinds: { value: string; label: string }[]; navigatorTeams: Option[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(createOrganisationAction, null);
  return (
    <form action={action} noValidate>
      <FormErrors result={state} labels={{ name: 'Name', kind: 'Type', odsCode: 'ODS code', phone: 'Phone', email: 'Email', navigatorTeamId: 'Navigator team' }} />
      <TextInput id="name" name="name" label="Name" defaultValue={fieldValue(state, 'name')} error={fieldError(state, 'name')} />
      <Select id="kind" name="kind" label="Type" defaultValue={fieldValue(state, 'kind')} error={fieldError(state, 'kind')} key={`k-${state?.at ?? 0}`}>
        <Select.Option value="">Choose a type</Select.Option>
        {kinds.map((k) => (
          <Select.Option key={k.value} value={k.value}>
            {k.label}
          </Select.Option>
        ))}
      </Select>
      <TextInput id="odsCode" name="odsCode" label="ODS code (optional)" width={10} defaultValue={fieldValue(state, 'odsCode')} error={fieldError(state, 'odsCode')} />
      <TextInput id="phone" name="phone" type="tel" label="Phone (optional)" width={20} defaultValue={fieldValue(state, 'phone')} error={fieldError(state, 'phone')} />
      <TextInput id="email" name="email" type="email" label="Email (optional)" defaultValue={fieldValue(state, 'email')} error={fieldError(state, 'email')} />
      <Select id="navigatorTeamId" name="navigatorTeamId" label="Navigator team (GP practices only)" hint="New people registered at this practice join this team’s caseload" defaultValue={fieldValue(state, 'navigatorTeamId')} error={fieldError(state, 'navigatorTeamId')} key={`n-${state?.at ?? 0}`}>
        <Select.Option value="">None</Select.Option>
        {navigatorTeams.map((t) => (
          <Select.Option key={t.id} value={t.id}>
            {t.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" disabled={pending}>
        Add organisation
      </Button>
    </form>
  );
}
