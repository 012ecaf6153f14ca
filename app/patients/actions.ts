'use server';

import { serverCaller } from '../../server/auth/request-context';
import { formValues, toFormResult, type FormResult } from '../../server/trpc/form-result';

type SearchResults = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>['caller']['patients']['search']>>;
export type SearchState = FormResult & { data?: SearchResults };

/** Search by form post, so an NHS number never appears in a URL or a server log line. */
export async function searchAction(_prev: SearchState | null, formData: FormData): Promise<SearchState> {
  const values = formValues(formData);
  const { caller } = await serverCaller();
  try {
    const data = await caller.patients.search({ query: values.query ?? '', dateOfBirth: values.dateOfBirth ?? '' });
    return { ok: true, data, values, at: Date.now() };
  } catch (error) {
    return toFormResult(error, values);
  }
}
