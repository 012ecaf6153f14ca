import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { env } from '../env';
import { noStore, readBodyWithin, refuseCrossSiteWrite, refuseLargeBatch, trpcPaths } from '../http/api-guard';
import { errorMessage, log } from '../log';
import { appRouter } from './app-router';
import type { Context } from './init';

const ENDPOINT = '/api/trpc';
/** Calls in one batch: the client (httpLink) never batches, and pages call procedures in-process. */
const MAX_BATCH = 10;
/** A body: the largest ordinary input is a few free-text fields of at most 5,000 characters. */
const MAX_BODY = 1024 * 1024;
/**
 * The Open Referral import's feed may be 5,000,000 characters (ImportFeedSchema); as a JSON string
 * in UTF-8 that is up to about 15 MB. The admin page sends it by server action, not here; this is
 * for the same import called over the API, alone (not in a batch).
 */
const MAX_IMPORT_BODY = 16 * 1024 * 1024;

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
  const paths = trpcPaths(req, ENDPOINT);
  const tooMany = refuseLargeBatch(paths, MAX_BATCH);
  if (tooMany) return tooMany;
  // Memory: the body is read whole, so it is capped (a 413 naming the limit, never cut short).
  const read = await readBodyWithin(req, paths.length === 1 && paths[0] === 'directory.importFeed' ? MAX_IMPORT_BODY : MAX_BODY);
  if (read instanceof Response) return read;
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req: read,
    // The same cap inside tRPC, in case a request reaches it another way.
    maxBatchSize: MAX_BATCH,
    // Never: a mutation sent by GET would skip the CSRF check above.
    allowMethodOverride: false,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      // Log the fault, never the input: it may hold NHS numbers or names.
      if (error.code === 'INTERNAL_SERVER_ERROR')
        log.error({ path: path ?? '?', err: errorMessage(error.cause ?? error) }, 'tRPC procedure failed');
    },
  });
}
