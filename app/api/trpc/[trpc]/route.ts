import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../../../../server/trpc/app-router';
import { createRequestContext } from '../../../../server/auth/request-context';
import { log } from '../../../../server/log';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: createRequestContext,
    onError({ error, path }) {
      // Log the fault, never the input: it may hold NHS numbers or names.
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ path: path ?? '?', err: error.message }, 'tRPC procedure failed');
    },
  });

export { handler as GET, handler as POST };
