'use client';

import { useActionState, useState } from 'react';
import { Button, Select } from 'nhsuk-react-components';
import { FormErrors, fieldError } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { updateUserAction } from '../../actions';

type Option = { value: string; label: string };

export function ChangeRoleForm({ userId, role, roles }: { userId: string; role: string; roles: Option[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(updateUserAction, null);
  return (
    <form action={action} noValidate>
      <FormErrors result={state} labels={{ role: 'Role', organisationId: 'Organisation' }} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="change" value="role" />
      <Select
        id="role"
        name="role"
        label="Role"
        defaultValue={role}
        error={fieldError(state, 'role') ?? fieldError(state, 'organisationId')}
      >
        {roles.map((r) => (
          <Select.Option key={r.value} value={r.value}>
            {r.label}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" secondary disabled={pending}>
        Change role
      </Button>
    </form>
  );
}

export function ActivationForm({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(updateUserAction, null);
  const [confirming, setConfirming] = useState(false);
  if (active && !confirming) {
    return (
      <Button type="button" warning onClick={() => setConfirming(true)}>
        Deactivate {name}
      </Button>
    );
  }
  return (
    <form action={action}>
      <FormErrors result={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="change" value={active ? 'deactivate' : 'reactivate'} />
      {active && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Deactivate {name}?
            </span>
          </h3>
          <p>They will be signed out at once and cannot sign in until reactivated. Their records and history are kept.</p>
        </div>
      )}
      <div className="nhsuk-button-group">
        <Button type="submit" warning={active} disabled={pending}>
          {active ? `Yes, deactivate ${name}` : `Reactivate ${name}`}
        </Button>
        {active && (
          <button type="button" className="carenav-link-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
