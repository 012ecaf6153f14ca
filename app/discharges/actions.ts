'use server';

import { serverCaller } from '../../server/auth/request-context';
import { formValues, toFormResult, type FormResult } from '../../server/trpc/form-result';
import { FlagDischargeSchema } from '../../server/discharges/flag-discharge';
import { ChangeDischargeStatusSchema } from '../../server/discharges/change-discharge-status';
import { submit } from '../lib/submit';
import { formatDate, formatNhsNumber } from '../lib/format';

type Caller = Awaited<ReturnType<typeof serverCaller>>['caller'];
type Match = Awaited<ReturnType<Caller['patients']['search']>>['results'][number];
export type FindState = FormResult & {
  match?: Pick<Match, 'givenName' | 'familyName' | 'practiceName'> | null;
  /** The identity searched for, in words, so it stays in view once the search form has gone (worded here: no date code in the browser). */
  searched?: string;
};

/**
 * Step one of flagging: is there a record with exactly this NHS number and date of birth? Posted,
 * so the NHS number never appears in a URL or a server log line.
 */
export async function findPersonAction(_prev: FindState | null, formData: FormData): Promise<FindState> {
  const values = formValues(formData);
  const { caller } = await serverCaller();
  try {
    if (!values.nhsNumber)
      return { ok: false, fieldErrors: { nhsNumber: ['Enter the person’s 10-digit NHS number'] }, values, at: Date.now() };
    if (!values.dateOfBirth)
      return { ok: false, fieldErrors: { dateOfBirth: ['Enter the person’s date of birth'] }, values, at: Date.now() };
    const { results } = await caller.patients.search({ query: values.nhsNumber, dateOfBirth: values.dateOfBirth });
    const match = results[0];
    return {
      ok: true,
      values,
      at: Date.now(),
      searched: `NHS number ${formatNhsNumber(values.nhsNumber)}, born ${formatDate(values.dateOfBirth)}`,
      match: match ? { givenName: match.givenName, familyName: match.familyName, practiceName: match.practiceName } : null,
    };
  } catch (error) {
    const result = toFormResult(error, values);
    // The search names its NHS number field "query"; this form calls it nhsNumber.
    if (result.fieldErrors?.query) result.fieldErrors = { ...result.fieldErrors, nhsNumber: result.fieldErrors.query };
    return result;
  }
}

export async function flagDischargeAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, FlagDischargeSchema, (c, input) => c.discharges.flag(input), {
    redirectTo: (_v, flagged) => `/discharges/${flagged.id}`,
  });
}

export async function changeDischargeStatusAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, ChangeDischargeStatusSchema, (c, input) => c.discharges.changeStatus(input), {
    revalidate: (v) => `/discharges/${v.dischargeId ?? ''}`,
    message: 'Status changed.',
  });
}
