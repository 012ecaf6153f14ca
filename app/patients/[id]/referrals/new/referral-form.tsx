'use client';

import { useActionState } from 'react';
import { Button, Radios, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../../components/form-errors';
import type { FormResult } from '../../../../../server/trpc/form-result';
import { sendReferralAction } from '../../../../referrals/actions';
import { ActionForm } from '../../../../components/action-form';
import { ConsentForm } from '../../consent/consent-form';

type Service = { id: string; label: string; hint: string };

export function ReferralForm({
  patientId,
  aboutWhatMatters,
  services,
  canRecordConsent,
  purposeLabels,
}: {
  patientId: string;
  aboutWhatMatters: string;
  services: Service[];
  /** Whether this user may record a consent decision (its own use case and permission). */
  canRecordConsent: boolean;
  /** "housing" for `housing`, and so on: what each consent is for, in words. */
  purposeLabels: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(sendReferralAction, null);
  const consentNeeded = state?.detail?.consentPurpose;
  const chosen = fieldValue(state, 'serviceId');
  return (
    <>
      {/* Outside the referral form: the consent is recorded in place, in a form of its own. */}
      <FormErrors
        result={state}
        labels={{
          serviceId: 'Service',
          reason: 'Reason for the referral',
          urgency: 'How urgent is it?',
          personWants: 'What the person wants',
          attachments: 'Attached information',
        }}
      />
      {consentNeeded &&
        (canRecordConsent ? (
          <section className="nhsuk-card" aria-labelledby="record-consent-heading">
            <div className="nhsuk-card__content">
              <h2 id="record-consent-heading" className="nhsuk-card__heading nhsuk-heading-m">
                Record the person’s consent
              </h2>
              <p>Record their decision here, then send the referral again. What you have typed in the referral below is kept.</p>
              <ConsentForm
                patientId={patientId}
                fixed={{ purpose: consentNeeded, label: purposeLabels[consentNeeded] ?? consentNeeded }}
                done="Now send the referral again: what you typed is kept below."
              />
            </div>
          </section>
        ) : (
          <p>
            Ask the person’s named contact or GP practice to record their consent decision, then send the referral again. What you have
            typed is kept while this page is open.
          </p>
        ))}
      <ActionForm state={state} action={action} noValidate>
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
          <Radios.Item
            value="routine"
            hint="A response within two working weeks"
            defaultChecked={fieldValue(state, 'urgency') === 'routine'}
          >
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
    </>
  );
}
