'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, Radios, Select, Textarea } from 'nhsuk-react-components';
import { FormErrors, fieldChecked, fieldError, fieldValue } from '../../components/form-errors';
import { MomentField, withExactMoment } from '../../components/moment-field';
import type { FormResult } from '../../../server/trpc/form-result';
import { addEntryAction } from './actions';
import { ActionForm, useKeptValue } from '../../components/action-form';

const WORDS = {
  note: { when: 'When it happened', text: 'Note', carerHint: 'Only if the person agreed that their carer can see updates' },
  contact: { when: 'When it happened', text: 'What happened', carerHint: 'Only if the person agreed that their carer can see updates' },
  appointment: {
    when: 'When it is',
    text: 'What and where, and who will be there',
    carerHint: 'Carers see upcoming appointments and visits only when you tick this',
  },
} as const;

/** Add a note, a contact or an upcoming appointment or visit to the timeline. */
export function EntryForm({ patientId }: { patientId: string }) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(addEntryAction, null);
  const [type, setType] = useKeptValue(state, 'type', 'note');
  const words = WORDS[type === 'contact' || type === 'appointment' ? type : 'note'];
  return (
    <ActionForm state={state} noValidate action={withExactMoment('occurredAt', action)}>
      <FormErrors
        result={state}
        labels={{ text: words.text, occurredAt: words.when, contactMethod: 'How', type: 'What are you adding?' }}
      />
      {state?.ok && (
        <p className="nhsuk-body" role="status">
          {state.message}
        </p>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      <Radios id="type" idPrefix="type" name="type" legend="What are you adding?" inline error={fieldError(state, 'type')}>
        <Radios.Item value="note" checked={type === 'note'} onChange={() => setType('note')}>
          A note
        </Radios.Item>
        <Radios.Item value="contact" checked={type === 'contact'} onChange={() => setType('contact')}>
          A contact with the person
        </Radios.Item>
        <Radios.Item value="appointment" checked={type === 'appointment'} onChange={() => setType('appointment')}>
          An upcoming appointment or visit
        </Radios.Item>
      </Radios>
      {type === 'contact' && (
        <Select
          id="contactMethod"
          name="contactMethod"
          label="How"
          defaultValue={fieldValue(state, 'contactMethod', 'phone_call')}
          error={fieldError(state, 'contactMethod')}
        >
          <Select.Option value="phone_call">Phone call</Select.Option>
          <Select.Option value="home_visit">Home visit</Select.Option>
          <Select.Option value="message">Message</Select.Option>
          <Select.Option value="clinic_visit">Clinic or office visit</Select.Option>
        </Select>
      )}
      <MomentField
        name="occurredAt"
        label={words.when}
        kept={state?.ok ? undefined : fieldValue(state, 'occurredAt')}
        error={fieldError(state, 'occurredAt')}
      />
      <Textarea
        id="text"
        name="text"
        label={words.text}
        rows={4}
        defaultValue={state?.ok ? '' : fieldValue(state, 'text')}
        error={fieldError(state, 'text')}
      />
      <Checkboxes id="carerVisible" idPrefix="carerVisible" name="carerVisible">
        <Checkboxes.Item value="on" hint={words.carerHint} defaultChecked={fieldChecked(state, 'carerVisible')}>
          Family carers can see this entry
        </Checkboxes.Item>
      </Checkboxes>
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add to timeline'}
      </Button>
    </ActionForm>
  );
}
