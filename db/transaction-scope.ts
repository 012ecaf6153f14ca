import type { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The stores that mark a call chain as inside a transaction, one per engine (db/client.ts on SQLite,
 * db/pg-client.ts on PostgreSQL): each registers its own here when it loads.
 */
const scopes: AsyncLocalStorage<unknown>[] = [];

export function registerTransactionScope(scope: AsyncLocalStorage<unknown>): void {
  scopes.push(scope);
}

/**
 * Runs `work` as if no transaction were open on this call chain, on either engine: its queries, and
 * anything it schedules, go to the database on their own, never into (and never rolled back with)
 * the caller's transaction. For what must stand whatever the caller's transaction does: a batch of
 * audit rows (server/audit/write-audit.ts), the sign-in and search counts (server/rate-limit/limiter.ts).
 */
export function outsideAnyTransaction<T>(work: () => T): T {
  return scopes.reduce<() => T>((inner, scope) => () => scope.exit(inner), work)();
}
