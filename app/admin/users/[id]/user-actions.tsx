'use client';

import { useActionState, useState } from 'react';
import { Button, Select } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { endAllSessionsAction, updateUserAction } from '../../actions';
import { ActionForm } from '../../../components/action-form';

type Option = { value: string; label: string };

export function ChangeRoleForm({ userId, role, roles }: { userId: string; role: string; roles: Option[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(updateUserAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      {/* A role that does not suit the organisation is told at the role: there is no organisation field here. */}
      <FormErrors result={state} labels={{ role: 'Role', organisationId: 'Role' }} idOf={() => 'role'} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="change" value="role" />
      <Select
        id="role"
        name="role"
        label="Role"
        defaultValue={fieldValue(state, 'role', role)}
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
    </ActionForm>
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
    <ActionForm state={state} action={action}>
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
    </ActionForm>
  );
}

/** Signs a user out everywhere (a lost phone, a shared computer left signed in) without deactivating them. */
export function EndSessionsForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(endAllSessionsAction, null);
  const [confirming, setConfirming] = useState(false);
  // Once the answer comes back, the confirmation has done its job (the form stays mounted until then).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    setConfirming(false);
  }
  return (
    <>
      <FormErrors result={state} />
      {state?.ok && (
        <div className="nhsuk-inset-text" role="status">
          <p>{state.message}</p>
        </div>
      )}
      {confirming ? (
        <ActionForm state={state} action={action}>
          <input type="hidden" name="userId" value={userId} />
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>End all of {name}’s sessions?
              </span>
            </h3>
            <p>They will be signed out on every device at once. They can sign in again: to stop that, deactivate them instead.</p>
          </div>
          <div className="nhsuk-button-group">
            <Button type="submit" warning disabled={pending}>
              Yes, end all of {name}’s sessions
            </Button>
            <button type="button" className="carenav-link-button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </ActionForm>
      ) : (
        <Button type="button" secondary onClick={() => setConfirming(true)}>
          End all sessions<span className="nhsuk-u-visually-hidden"> of {name}</span>
        </Button>
      )}
    </>
  );
}
