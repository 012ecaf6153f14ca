'use server';

import { redirect } from 'next/navigation';
import { serverCaller } from '../../../server/auth/request-context';
import { CreatePatientSchema } from '../../../server/patients/create-patient';
import { formValues, parseForm, toFormResult, type FormResult } from '../../../server/trpc/form-result';

export async function createPatientAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  const { caller } = await serverCaller();
  // The use case's schema validates and converts every field; the procedure gets its typed input.
  const parsed = parseForm(CreatePatientSchema, values);
  if (!parsed.ok) return parsed.result;
  let id: string;
  try {
    ({ id } = await caller.patients.create(parsed.input));
  } catch (error) {
    return toFormResult(error, values);
  }
  redirect(`/patients/${id}`);
}
