'use client';

import { Select } from 'nhsuk-react-components';
import type { FormResult } from '../../server/trpc/form-result';
import { fieldError, fieldValue } from './form-errors';

export type Choice = { value: string; label: string };

/**
 * A drop-down for one form field: the first option is the prompt (an empty value), the message
 * for the field shows beside it, and what was chosen is kept after a refused submission.
 */
export function ChoiceField({
  state,
  name,
  label,
  hint,
  prompt,
  choices,
  clearOnSuccess = false,
}: {
  state: FormResult | null;
  name: string;
  label: string;
  hint?: string;
  prompt: string;
  choices: Choice[];
  clearOnSuccess?: boolean;
}) {
  return (
    <Select
      // A new key per submission so the kept value becomes the select's default again.
      key={`${name}-${state?.at ?? 0}`}
      id={name}
      name={name}
      label={label}
      hint={hint}
      defaultValue={clearOnSuccess && state?.ok ? '' : fieldValue(state, name)}
      error={fieldError(state, name)}
    >
      <Select.Option value="">{prompt}</Select.Option>
      {choices.map((c) => (
        <Select.Option key={c.value} value={c.value}>
          {c.label}
        </Select.Option>
      ))}
    </Select>
  );
}
