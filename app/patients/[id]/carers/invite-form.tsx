'use client';

import { useActionState } from 'react';
import { Button, Select, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { inviteCarerAction } from '../actions';
import { ActionForm } from '../../../components/action-form';

/** Invite a carer the person has agreed to share with; shows the link once it is made. */
export function InviteCarerForm({ patientId, consented }: { patientId: string; consented: { carerKey: string; carerName: string }[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(inviteCarerAction, null);
  const v = (field: string, fallback = '') => (state?.ok ? fallback : fieldValue(state, field, fallback));
  return (
    <ActionForm state={state} noValidate action={action}>
      <FormErrors
        result={state}
        labels={{ carerKey: 'Carer', email: 'Carer’s email address', relationship: 'Relationship to the person' }}
      />
      {state?.ok && state.detail?.link && (
        <div className="nhsuk-inset-text" role="status">
          <p>
            <strong>Invitation made.</strong> Give the carer this link yourself (by phone, text message or in person): it works once, for 7
            days. We have emailed them to say it is coming; for their security the email does not contain it.
          </p>
          <p className="carenav-break-all">
            <code data-testid="invitation-link">{state.detail.link}</code>
          </p>
        </div>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      <Select
        id="carerKey"
        name="carerKey"
        label="Carer"
        hint="Only carers the person has agreed to share with (or their attorney) are listed"
        defaultValue={v('carerKey', consented[0]?.carerKey)}
        error={fieldError(state, 'carerKey')}
      >
        {consented.map((c) => (
          <Select.Option key={c.carerKey} value={c.carerKey}>
            {c.carerName}
          </Select.Option>
        ))}
      </Select>
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Carer’s email address"
        spellCheck={false}
        autoComplete="off"
        defaultValue={v('email')}
        error={fieldError(state, 'email')}
      />
      <TextInput
        id="relationship"
        name="relationship"
        label="Relationship to the person"
        hint="For example, daughter, husband or neighbour"
        width={20}
        defaultValue={v('relationship')}
        error={fieldError(state, 'relationship')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Inviting…' : 'Invite carer'}
      </Button>
    </ActionForm>
  );
}
