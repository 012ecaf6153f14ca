import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { serverCaller } from '../../server/auth/request-context';
import { formValues, parseForm, toFormResult, type FormResult } from '../../server/trpc/form-result';

type Caller = Awaited<ReturnType<typeof serverCaller>>['caller'];

/**
 * Runs one procedure for a form's server action: field errors come back to the form; on success
 * the page is refreshed, or the browser is sent to `redirectTo`.
 *
 * The form's strings are parsed first by `schema`, the use case's own input schema, so `call` gets
 * typed input for the procedure instead of a cast; the procedure (access check, audit, the use
 * case) is still what runs. Bad input is answered from that parse, and the procedure is not called.
 */
export async function submit<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  call: (caller: Caller, input: z.output<S>) => Promise<T>,
  options: {
    /** Where to go on success: from the form's values and what the procedure returned. */
    redirectTo?: (values: Record<string, string>, result: T) => string;
    revalidate?: (values: Record<string, string>) => string;
    message?: string;
    /** What the form should show from the result, e.g. a link made for the user to copy. */
    detail?: (result: T) => Record<string, string>;
  } = {},
): Promise<FormResult> {
  const values = formValues(formData);
  const { caller, actor } = await serverCaller();
  if (!actor) redirect('/login');
  // Nothing but choosing their own password until an administrator's temporary one is replaced.
  if (actor.mustChangePassword) redirect('/account/password');
  const parsed = parseForm(schema, values);
  if (!parsed.ok) return parsed.result;
  let result: T;
  try {
    result = await call(caller, parsed.input);
  } catch (error) {
    return toFormResult(error, values);
  }
  if (options.revalidate) revalidatePath(options.revalidate(values));
  if (options.redirectTo) redirect(options.redirectTo(values, result));
  return { ok: true, message: options.message, detail: options.detail?.(result), at: Date.now() };
}
