import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { Conflict, DomainError, Forbidden, Invalid, NotFound, TooMany, Unauthenticated } from '../errors';

/** The database, the signed-in actor (or null), and the client's address for calls made before sign-in. */
export type Context = { db: Db; actor: Actor | null; ip?: string | null };

export type FieldErrors = Record<string, string[]>;

/** Field errors keyed by the field's own name (the last part of its path), as forms name them. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path.filter((p) => typeof p !== 'number').at(-1) ?? 'form');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Every problem in one line, each named by its path ("to: To must be on or after From"). */
export function zodMessage(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    let fieldErrors: FieldErrors | null = null;
    let detail: Record<string, string> | null = null;
    if (error.cause instanceof ZodError) fieldErrors = zodFieldErrors(error.cause);
    if (error.cause instanceof Invalid) fieldErrors = { [error.cause.field]: [error.cause.message] };
    if (error.cause instanceof Conflict) detail = error.cause.detail;
    // A fault's own message (a database error with its SQL) stays in the server log, never the answer.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong.' : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors, detail } };
  },
});

function toTrpcError(error: DomainError): TRPCError {
  if (error instanceof NotFound) return new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
  if (error instanceof Forbidden) return new TRPCError({ code: 'FORBIDDEN', message: error.message, cause: error });
  if (error instanceof Conflict) return new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
  if (error instanceof Unauthenticated) return new TRPCError({ code: 'UNAUTHORIZED', message: error.message, cause: error });
  if (error instanceof TooMany) return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
  if (error instanceof Invalid) return new TRPCError({ code: 'BAD_REQUEST', message: `${error.field}: ${error.message}`, cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong.', cause: error });
}

/** Maps domain errors once, and makes input errors name every field that failed. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw toTrpcError(cause);
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: zodMessage(cause), cause });
    }
  }
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);
