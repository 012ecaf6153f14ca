'use client';

import { TextInput } from 'nhsuk-react-components';
import type { FormResult } from '../../server/trpc/form-result';
import { fieldError, fieldValue } from './form-errors';

/** The NHS number as every carenav form asks for it. */
export function NhsNumberField({ state }: { state: FormResult | null }) {
  return (
    <TextInput
      id="nhsNumber"
      name="nhsNumber"
      label="NHS number"
      hint="10 digits, for example 943 476 5919"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      width={10}
      defaultValue={fieldValue(state, 'nhsNumber')}
      error={fieldError(state, 'nhsNumber')}
    />
  );
}
