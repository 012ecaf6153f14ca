'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, Radios, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../../components/form-errors';
import type { FormResult } from '../../../../../server/trpc/form-result';
import { sendReferralAction } from '../../../../referrals/actions';
import { ActionForm } from '../../../../components/action-form';

type Service = { id: string; label: string; hint: string };

export function ReferralForm({
  patientId,
  aboutWhatMatters,
  services,
}: {
  patientId: string;
  aboutWhatMatters: string;
  services: Service[];
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(sendReferralAction, null);
  const consentNeeded = state?.detail?.consentPurpose;
  const chosen = fieldValue(state, 'serviceId');
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors
        result={state}
        labels={{
          serviceId: 'Service',
          reason: 'Reason',
          urgency: 'Urgency',
          personWants: 'What the person wants',
          attachments: 'Attached information',
        }}
      />
      {consentNeeded && (
        <p>
          <Link href={`/patients/${patientId}/consent`}>Record the person’s consent decision</Link>
        </p>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      {services.length === 0 ? (
        <div className="nhsuk-inset-text" id="serviceId">
          <p>No services match. Try another name or category.</p>
        </div>
      ) : (
        <Radios id="serviceId" idPrefix="serviceId" name="serviceId" legend="Service" error={fieldError(state, 'serviceId')}>
          {services.map((s) => (
            <Radios.Item key={s.id} value={s.id} hint={s.hint} defaultChecked={chosen === s.id}>
              {s.label}
            </Radios.Item>
          ))}
        </Radios>
      )}
      <Textarea
        id="reason"
        name="reason"
        label="Reason for the referral"
        rows={3}
        defaultValue={fieldValue(state, 'reason')}
        error={fieldError(state, 'reason')}
      />
      <Radios id="urgency" idPrefix="urgency" name="urgency" legend="How urgent is it?" error={fieldError(state, 'urgency')}>
        <Radios.Item value="urgent" hint="A response within hours" defaultChecked={fieldValue(state, 'urgency') === 'urgent'}>
          Urgent
        </Radios.Item>
        <Radios.Item
          value="soon"
          hint="A response within a couple of working days"
          defaultChecked={fieldValue(state, 'urgency') === 'soon'}
        >
          Soon
        </Radios.Item>
        <Radios.Item value="routine" hint="A response within two working weeks" defaultChecked={fieldValue(state, 'urgency') === 'routine'}>
          Routine
        </Radios.Item>
      </Radios>
      <Textarea
        id="personWants"
        name="personWants"
        label="What the person wants"
        hint="Filled in from ‘about me’ so the person does not have to tell their story again. Change it only if they want something different from this service."
        rows={3}
        defaultValue={fieldValue(state, 'personWants', aboutWhatMatters)}
        error={fieldError(state, 'personWants')}
      />
      <Textarea
        id="attachments"
        name="attachments"
        label="Attached information (optional)"
        hint="For example, a summary of the last assessment"
        rows={4}
        defaultValue={fieldValue(state, 'attachments')}
        error={fieldError(state, 'attachments')}
      />
      <Button type="submit" disabled={pending}>
        Send the referral
      </Button>
    </ActionForm>
  );
}
