'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, Radios, TextInput, Textarea } from 'nhsuk-react-components';
import { ChoiceField } from '../../components/choice-field';
import { NhsNumberField } from '../../components/nhs-number-field';
import { FormErrors, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { createPatientAction } from './actions';
import { ActionForm } from '../../components/action-form';

const LABELS = {
  nhsNumber: 'NHS number',
  givenName: 'Given name',
  familyName: 'Family name',
  dateOfBirth: 'Date of birth',
  registeredPracticeId: 'Registered GP practice',
  riskLevel: 'Risk level',
};

export function NewPatientForm({ practices }: { practices: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(createPatientAction, null);
  const existingId = state?.detail?.existingPatientId;
  const risk = fieldValue(state, 'riskLevel', 'medium');
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state} labels={LABELS} />
      {existingId && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>This person already has a record
            </span>
          </h2>
          <p>
            carenav keeps one record per person, so a second one was not created.{' '}
            <Link href={`/patients/${existingId}`}>Open the existing record</Link>
          </p>
        </div>
      )}
      <NhsNumberField state={state} />
      <TextInput
        id="givenName"
        name="givenName"
        label="Given name"
        autoComplete="off"
        defaultValue={fieldValue(state, 'givenName')}
        error={fieldError(state, 'givenName')}
      />
      <TextInput
        id="familyName"
        name="familyName"
        label="Family name"
        autoComplete="off"
        defaultValue={fieldValue(state, 'familyName')}
        error={fieldError(state, 'familyName')}
      />
      <TextInput
        id="dateOfBirth"
        name="dateOfBirth"
        type="date"
        label="Date of birth"
        width={10}
        defaultValue={fieldValue(state, 'dateOfBirth')}
        error={fieldError(state, 'dateOfBirth')}
      />
      <ChoiceField
        state={state}
        name="registeredPracticeId"
        label="Registered GP practice"
        prompt="Choose a practice"
        choices={practices.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Textarea
        id="address"
        name="address"
        label="Address"
        rows={3}
        defaultValue={fieldValue(state, 'address')}
        error={fieldError(state, 'address')}
      />
      <TextInput
        id="postcode"
        name="postcode"
        label="Postcode"
        width={10}
        autoComplete="off"
        defaultValue={fieldValue(state, 'postcode')}
        error={fieldError(state, 'postcode')}
      />
      <TextInput
        id="phone"
        name="phone"
        type="tel"
        label="Phone number"
        width={20}
        autoComplete="off"
        defaultValue={fieldValue(state, 'phone')}
        error={fieldError(state, 'phone')}
      />
      <Radios
        id="riskLevel"
        idPrefix="riskLevel"
        name="riskLevel"
        legend="Risk level"
        inline
        error={fieldError(state, 'riskLevel')}
        key={`risk-${state?.at ?? 0}`}
      >
        <Radios.Item value="low" defaultChecked={risk === 'low'}>
          Low
        </Radios.Item>
        <Radios.Item value="medium" defaultChecked={risk === 'medium'}>
          Medium
        </Radios.Item>
        <Radios.Item value="high" defaultChecked={risk === 'high'}>
          High
        </Radios.Item>
      </Radios>
      <Textarea
        id="conditions"
        name="conditions"
        label="Long-term conditions"
        hint="One per line"
        rows={4}
        defaultValue={fieldValue(state, 'conditions')}
        error={fieldError(state, 'conditions')}
      />
      <Textarea
        id="communicationNeeds"
        name="communicationNeeds"
        label="Communication needs"
        hint="For example, hearing, sight, language or an interpreter"
        rows={2}
        defaultValue={fieldValue(state, 'communicationNeeds')}
        error={fieldError(state, 'communicationNeeds')}
      />
      <Textarea
        id="homeAccessNotes"
        name="homeAccessNotes"
        label="Home access"
        hint="Key safe, who holds keys, how to get in"
        rows={2}
        defaultValue={fieldValue(state, 'homeAccessNotes')}
        error={fieldError(state, 'homeAccessNotes')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Create record'}
      </Button>
    </ActionForm>
  );
}
