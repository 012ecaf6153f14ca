import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { env } from '../env';
import { noStore, refuseCrossSiteWrite } from '../http/api-guard';
import { log } from '../log';
import { appRouter } from './app-router';
import type { Context } from './init';

/**
 * The tRPC API over HTTP (app/api/trpc/[trpc]/route.ts), with the context passed in so tests can
 * send real `Request`s against a test database and actor.
 */
export async function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  // Every answer, refusals and errors too, is personal data or about it: never cached.
  return noStore(await answer(req, createContext));
}

async function answer(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  // CSRF: a change is made only by JSON from carenav's own origin (its public address or this Host).
  const refused = refuseCrossSiteWrite(req, [new URL(env().NEXTAUTH_URL).origin]);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      // Log the fault, never the input: it may hold NHS numbers or names.
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ path: path ?? '?', err: error.message }, 'tRPC procedure failed');
    },
  });
}
