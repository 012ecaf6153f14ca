import { TRPCError } from '@trpc/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { serverCaller } from '../../server/auth/request-context';

/** The caller and actor for a page, sending anyone not signed in to /login. */
export async function pageCaller() {
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
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') redirect('/login');
      if (error.code === 'FORBIDDEN') forbidden();
      // A malformed id in the address is just a page that does not exist.
      if (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST') notFound();
    }
    throw error;
  }
}
