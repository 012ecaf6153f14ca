'use client';

import { useActionState } from 'react';
import { Button, Radios } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { changeNamedContactAction } from '../actions';
import { ActionForm } from '../../../components/action-form';

type Navigator = { id: string; name: string; jobTitle: string | null };

export function NamedContactForm({
  patientId,
  version,
  current,
  navigators,
}: {
  patientId: string;
  version: number;
  current: string | null;
  navigators: Navigator[];
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(changeNamedContactAction, null);
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={{ namedContactUserId: 'Named contact' }} />
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Radios
        id="namedContactUserId"
        idPrefix="namedContactUserId"
        name="namedContactUserId"
        legend="Who is the named contact?"
        hint="The one person the family and every professional should call"
        error={fieldError(state, 'namedContactUserId')}
      >
        {navigators.map((n) => (
          <Radios.Item
            key={n.id}
            value={n.id}
            defaultChecked={n.id === fieldValue(state, 'namedContactUserId', current ?? '')}
            hint={n.jobTitle ?? undefined}
          >
            {n.name}
          </Radios.Item>
        ))}
      </Radios>
      <div className="nhsuk-button-group">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save named contact'}
        </Button>
        <a className="nhsuk-link" href={`/patients/${patientId}`}>
          Cancel
        </a>
      </div>
    </ActionForm>
  );
}
