import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
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

/** Turns an error from a procedure into what a form shows; rethrows anything unexpected. */
export function toFormResult(error: unknown, values?: Record<string, string>): FormResult {
  const at = Date.now();
  if (error instanceof TRPCError) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      return { ok: false, fieldErrors: zodFieldErrors(cause), message: 'There is a problem: check the fields marked below.', values, at };
    }
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

/** Form fields as strings (files are not accepted anywhere in carenav forms). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
