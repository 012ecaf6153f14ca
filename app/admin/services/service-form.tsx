'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, TextInput, Textarea } from 'nhsuk-react-components';
import { ChoiceField, type Choice } from '../../components/choice-field';
import { FormErrors, fieldChecked, fieldError, fieldValue } from '../../components/form-errors';
import type { FormResult } from '../../../server/trpc/form-result';
import { saveServiceAction } from '../actions';
import { ActionForm } from '../../components/action-form';

const LABELS: Record<string, string> = {
  name: 'Name',
  providerName: 'Provider',
  organisationId: 'Team that receives referrals',
  category: 'Category',
  area: 'Area',
  eligibility: 'Eligibility',
  contact: 'How to contact',
  description: 'Description',
  targetUrgentHours: 'Urgent: hours',
  targetSoonWorkingDays: 'Soon: working days',
  targetRoutineWorkingDays: 'Routine: working days',
};

export type ServiceValues = Record<string, string> & { active?: string };

/** Add or change a service. Values come back after a refused save, so nothing typed is lost. */
export function ServiceForm({
  initial,
  categories,
  organisations,
}: {
  initial: ServiceValues;
  categories: Choice[];
  organisations: Choice[];
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(saveServiceAction, state0(initial));
  const v = (f: string) => fieldValue(state, f, initial[f] ?? '');
  return (
    <ActionForm state={state} action={action} noValidate>
      <FormErrors result={state?.at ? state : null} labels={LABELS} />
      <input type="hidden" name="serviceId" value={initial.serviceId ?? ''} />
      <TextInput id="name" name="name" label="Name" defaultValue={v('name')} error={fieldError(state, 'name')} />
      <TextInput
        id="providerName"
        name="providerName"
        label="Provider"
        defaultValue={v('providerName')}
        error={fieldError(state, 'providerName')}
      />
      <ChoiceField state={state} name="category" label="Category" prompt="Choose a category" choices={categories} />
      <ChoiceField
        state={state}
        name="organisationId"
        label="Team that receives referrals"
        hint="The carenav organisation whose inbox gets referrals. Leave empty if the service is not on carenav: people will be told to contact it directly."
        prompt="Not on carenav"
        choices={organisations}
      />
      <TextInput id="area" name="area" label="Area (optional)" defaultValue={v('area')} error={fieldError(state, 'area')} />
      <Textarea
        id="eligibility"
        name="eligibility"
        label="Eligibility (optional)"
        rows={2}
        defaultValue={v('eligibility')}
        error={fieldError(state, 'eligibility')}
      />
      <TextInput
        id="contact"
        name="contact"
        label="How to contact (optional)"
        defaultValue={v('contact')}
        error={fieldError(state, 'contact')}
      />
      <Textarea
        id="description"
        name="description"
        label="Description (optional)"
        rows={3}
        defaultValue={v('description')}
        error={fieldError(state, 'description')}
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Response-time targets</legend>
        <TextInput
          id="targetUrgentHours"
          name="targetUrgentHours"
          label="Urgent: hours"
          inputMode="numeric"
          width={3}
          defaultValue={v('targetUrgentHours')}
          error={fieldError(state, 'targetUrgentHours')}
        />
        <TextInput
          id="targetSoonWorkingDays"
          name="targetSoonWorkingDays"
          label="Soon: working days"
          inputMode="numeric"
          width={3}
          defaultValue={v('targetSoonWorkingDays')}
          error={fieldError(state, 'targetSoonWorkingDays')}
        />
        <TextInput
          id="targetRoutineWorkingDays"
          name="targetRoutineWorkingDays"
          label="Routine: working days"
          inputMode="numeric"
          width={3}
          defaultValue={v('targetRoutineWorkingDays')}
          error={fieldError(state, 'targetRoutineWorkingDays')}
        />
      </fieldset>
      <Checkboxes id="active" idPrefix="active" name="active">
        <Checkboxes.Item
          value="on"
          defaultChecked={fieldChecked(state, 'active', initial.active !== 'false')}
          hint="Switched-off services are not offered when referring"
        >
          Taking referrals
        </Checkboxes.Item>
      </Checkboxes>
      <Button type="submit" disabled={pending}>
        Save service
      </Button>
    </ActionForm>
  );
}

// The ChoiceFields read their starting value from the form state, so begin with the stored values.
const state0 = (initial: ServiceValues): FormResult => ({ ok: true, values: initial });
