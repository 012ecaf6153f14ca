import { Invalid } from '../../server/errors';
import { TRPCError } from '@trpc/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { ZodError } from 'zod';
import { serverCaller } from '../../server/auth/request-context';
import { zodFieldErrors, type FieldErrors } from '../../server/trpc/init';

/** Where a user whose administrator set their password is sent until they choose their own. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * The caller and actor for a page, sending anyone not signed in to /login, and anyone still on an
 * administrator's temporary password to choose their own (#16 finding 17): the administrator
 * knows it, so nothing else is shown until it is replaced.
 */
export async function pageCaller() {
  const { caller, actor } = await accountCaller();
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return { caller, actor };
}

/** For the change-password page only: signed in, whether or not the password must be changed first. */
export async function accountCaller() {
  const { caller, actor } = await serverCaller();
  if (!actor) redirect('/login');
  return { caller, actor };
}

/**
 * Awaits a procedure call for a page and turns refusals into the right page: sign-in for
 * UNAUTHORIZED, the 403 page for FORBIDDEN (already audited by the procedure), 404 for NOT_FOUND.
 */
export async function load<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    refuse(error);
  }
}

/** Turns a procedure's refusal into the right page (see `load`); rethrows anything else. */
export function refuse(error: unknown): never {
  if (error instanceof TRPCError) {
    if (error.code === 'UNAUTHORIZED') redirect('/login');
    if (error.code === 'FORBIDDEN') forbidden();
    // A malformed id in the address is just a page that does not exist.
    if (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST') notFound();
  }
  throw error;
}

/**
 * For pages whose query string is a form (filters): bad input comes back as field messages for the
 * page to show, instead of a 404; every other refusal is handled as by `load`.
 */
export async function loadOrFieldErrors<T>(
  call: Promise<T>,
): Promise<{ value: T; fieldErrors: null } | { value: null; fieldErrors: FieldErrors }> {
  try {
    return { value: await call, fieldErrors: null };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
      return { value: null, fieldErrors: zodFieldErrors(error.cause) };
    }
    // A value the use case refused for one field (e.g. a filter naming someone not on the list).
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST' && error.cause instanceof Invalid) {
      return { value: null, fieldErrors: { [error.cause.field]: [error.cause.message] } };
    }
    refuse(error);
  }
}

/**
 * A page of a list from the cursor in its address (`after`): a cursor the list refuses (edited, too
 * old, another list's or another user's) is told as a message at the page field, and the list's
 * first page is shown instead of a "page not found".
 */
export async function loadListPage<T>(
  call: (cursor: string | undefined) => Promise<T>,
  cursor: string | undefined,
): Promise<{ value: T; after: string | undefined; pageErrors: FieldErrors | null }> {
  if (cursor) {
    const asked = await loadOrFieldErrors(call(cursor));
    if (!asked.fieldErrors) return { value: asked.value, after: cursor, pageErrors: null };
    return { value: await load(call(undefined)), after: undefined, pageErrors: asked.fieldErrors };
  }
  return { value: await load(call(undefined)), after: undefined, pageErrors: null };
}
