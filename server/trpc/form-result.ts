import { TRPCError } from '@trpc/server';
import { ZodError, type z } from 'zod';
import { Conflict, Invalid } from '../errors';
import { zodFieldErrors, type FieldErrors } from './init';

/** What a form gets back from its server action: field messages, a summary message, and the values to keep. */
export type FormResult = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Extra detail, e.g. the id of an existing record for a duplicate NHS number. */
  detail?: Record<string, string>;
  values?: Record<string, string>;
  /** Bumped on every submission so forms can tell a new result from the last one. */
  at?: number;
};

/** The values a form gets back to keep what was typed: never a password, which must not travel back to the page. */
function kept(values: Record<string, string> | undefined): Record<string, string> | undefined {
  return values && Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/** Turns an error from a procedure into what a form shows; rethrows anything unexpected. */
export function toFormResult(error: unknown, typed?: Record<string, string>): FormResult {
  const at = Date.now();
  const values = kept(typed);
  if (error instanceof TRPCError) {
    const cause = error.cause;
    if (cause instanceof ZodError) return invalidInput(cause, values);
    if (cause instanceof Invalid) {
      return {
        ok: false,
        fieldErrors: { [cause.field]: [cause.message] },
        message: 'There is a problem: check the fields marked below.',
        values,
        at,
      };
    }
    if (cause instanceof Conflict) {
      const field = cause.detail.field;
      return {
        ok: false,
        message: cause.message,
        detail: cause.detail,
        fieldErrors: field ? { [field]: [cause.message] } : undefined,
        values,
        at,
      };
    }
    if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.code === 'UNAUTHORIZED' || error.code === 'TOO_MANY_REQUESTS') {
      return { ok: false, message: error.message, values, at };
    }
  }
  throw error;
}

/** What a form shows for input its schema refused: a message at each field that failed. */
export function invalidInput(error: ZodError, values?: Record<string, string>): FormResult {
  return {
    ok: false,
    fieldErrors: zodFieldErrors(error),
    message: 'There is a problem: check the fields marked below.',
    values: kept(values),
    at: Date.now(),
  };
}

/**
 * A form's strings parsed by the use case's own input schema (the one its procedure takes), so the
 * action passes the procedure typed input instead of casting strings. Bad input comes back as the
 * same field errors the procedure would give, and the procedure is not called, so nothing is
 * written. The procedure still parses what it is given: each schema's output must parse to itself
 * (form-result.test.ts checks the form schemas).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { ok: true; input: z.output<S> } | { ok: false; result: FormResult } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, result: invalidInput(parsed.error, values) };
}

/** Form fields as strings (files are not accepted anywhere in carenav forms). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
