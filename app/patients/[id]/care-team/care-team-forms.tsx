'use client';

import { useActionState } from 'react';
import { Button, TextInput } from 'nhsuk-react-components';
import { ChoiceField } from '../../../components/choice-field';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { addCareTeamMemberAction, removeCareTeamMemberAction } from '../actions';
import { ActionForm } from '../../../components/action-form';

type Staff = { id: string; name: string; jobTitle: string | null; organisationName: string };

export function AddColleagueForm({ patientId, staff }: { patientId: string; staff: Staff[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(addCareTeamMemberAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ userId: 'Colleague', role: 'Role in the care team' }} />
      {state?.ok && <p role="status">{state.message}</p>}
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="type" value="user" />
      <ChoiceField
        state={state}
        name="userId"
        label="Colleague"
        hint="Staff who use carenav, in any organisation"
        prompt="Choose a colleague"
        choices={staff.map((s) => ({ value: s.id, label: `${s.name}${s.jobTitle ? `, ${s.jobTitle}` : ''} (${s.organisationName})` }))}
        clearOnSuccess
      />
      <TextInput
        id="role"
        name="role"
        label="Role in the care team (optional)"
        hint="Leave blank to use their job title"
        error={fieldError(state, 'role')}
        key={`r-${state?.at ?? 0}`}
        defaultValue={state?.ok ? '' : fieldValue(state, 'role')}
      />
      <Button type="submit" secondary disabled={pending}>
        Add colleague
      </Button>
    </ActionForm>
  );
}

export function AddExternalForm({ patientId }: { patientId: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(addCareTeamMemberAction, null);
  const v = (f: string) => (state?.ok ? '' : fieldValue(state, f));
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ name: 'Name', role: 'Role', organisationName: 'Organisation', phone: 'Phone number' }} />
      {state?.ok && <p role="status">{state.message}</p>}
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="type" value="external" />
      <div key={`ext-${state?.at ?? 0}`}>
        <TextInput id="name" name="name" label="Name" defaultValue={v('name')} error={fieldError(state, 'name')} />
        <TextInput
          id="external-role"
          name="role"
          label="Role"
          hint="For example, pharmacist or home care manager"
          defaultValue={v('role')}
          error={fieldError(state, 'role')}
        />
        <TextInput
          id="organisationName"
          name="organisationName"
          label="Organisation"
          defaultValue={v('organisationName')}
          error={fieldError(state, 'organisationName')}
        />
        <TextInput
          id="phone"
          name="phone"
          type="tel"
          label="Phone number (optional)"
          width={20}
          defaultValue={v('phone')}
          error={fieldError(state, 'phone')}
        />
      </div>
      <Button type="submit" secondary disabled={pending}>
        Add contact
      </Button>
    </ActionForm>
  );
}

export function RemoveMemberForm({ patientId, memberId, name }: { patientId: string; memberId: string; name: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(removeCareTeamMemberAction, null);
  return (
    <ActionForm state={state} action={action}>
      <FormErrors result={state} />
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="memberId" value={memberId} />
      <div className="nhsuk-button-group">
        <Button type="submit" warning disabled={pending}>
          Yes, remove {name}
        </Button>
        <a className="nhsuk-link" href={`/patients/${patientId}/care-team`}>
          No, keep them
        </a>
      </div>
    </ActionForm>
  );
}
