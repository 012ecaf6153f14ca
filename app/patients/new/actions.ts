'use server';

import { redirect } from 'next/navigation';
import { serverCaller } from '../../../server/auth/request-context';
import { formValues, toFormResult, type FormResult } from '../../../server/trpc/form-result';

export async function createPatientAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  const { caller } = await serverCaller();
  let id: string;
  try {
    // The procedure's schema validates and converts every field; the form only passes strings on.
    ({ id } = await caller.patients.create(values as never));
  } catch (error) {
    return toFormResult(error, values);
  }
  redirect(`/patients/${id}`);
}
