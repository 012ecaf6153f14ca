'use client';

import { useActionState } from 'react';
import { Button, Radios, Select, TextInput } from 'nhsuk-react-components';
import { FormErrors, fieldError, fieldValue } from '../../../components/form-errors';
import type { FormResult } from '../../../../server/trpc/form-result';
import { recordWellbeingAction } from '../actions';
import { ActionForm } from '../../../components/action-form';

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

/** The four ONS questions, each answered 0–10, as a baseline or a follow-up. */
export function WellbeingForm({
  patientId,
  questions,
  today,
  hasBaseline,
}: {
  patientId: string;
  questions: Record<string, string>;
  today: string;
  hasBaseline: boolean;
}) {
  const [state, action, pending] = useActionState<FormResult | null, FormData>(recordWellbeingAction, null);
  const v = (field: string, fallback = '') => (state?.ok ? fallback : fieldValue(state, field, fallback));
  return (
    <ActionForm state={state} noValidate action={action}>
      <FormErrors
        result={state}
        labels={{
          kind: 'Is this the first time (baseline) or a follow-up?',
          lifeSatisfaction: 'Life satisfaction',
          worthwhile: 'Worthwhile',
          happiness: 'Happiness',
          anxiety: 'Anxiety',
          answeredOn: 'Date answered',
        }}
      />
      {state?.ok && (
        <p className="nhsuk-body" role="status">
          {state.message}
        </p>
      )}
      <input type="hidden" name="patientId" value={patientId} />
      <Radios
        id="kind"
        idPrefix="kind"
        name="kind"
        legend="Is this the first time (baseline) or a follow-up?"
        inline
        error={fieldError(state, 'kind')}
      >
        <Radios.Item value="baseline" defaultChecked={v('kind', hasBaseline ? 'follow_up' : 'baseline') === 'baseline'}>
          Baseline
        </Radios.Item>
        <Radios.Item value="follow_up" defaultChecked={v('kind', hasBaseline ? 'follow_up' : 'baseline') === 'follow_up'}>
          Follow-up
        </Radios.Item>
      </Radios>
      {Object.entries(questions).map(([name, question]) => (
        <Select
          key={name}
          id={name}
          name={name}
          label={question}
          hint={name === 'anxiety' ? '0 is not at all anxious, 10 is completely anxious' : '0 is not at all, 10 is completely'}
          defaultValue={v(name)}
          error={fieldError(state, name)}
        >
          <Select.Option value="">Choose a score</Select.Option>
          {SCORES.map((s) => (
            <Select.Option key={s} value={s}>
              {s}
            </Select.Option>
          ))}
        </Select>
      ))}
      <TextInput
        id="answeredOn"
        name="answeredOn"
        type="date"
        label="Date answered"
        width={10}
        defaultValue={v('answeredOn', today)}
        error={fieldError(state, 'answeredOn')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Record scores'}
      </Button>
    </ActionForm>
  );
}
