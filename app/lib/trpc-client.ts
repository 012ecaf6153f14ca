import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router';

/**
 * The browser's typed client for the few calls a page makes after it has rendered (the header's
 * unread count). Pages and forms call the same procedures on the server through `serverCaller`.
 */
export const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/api/trpc' })] });
