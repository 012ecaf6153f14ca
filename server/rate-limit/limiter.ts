import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { poolOf } from '../../db/pg-client';
import { outsideAnyTransaction } from '../../db/transaction-scope';

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

// One limiter per database and setting, shared by every bundle Next builds (like the database connection).
const globalForLimiters = globalThis as unknown as { carenavLimiters?: WeakMap<Db, Map<string, RateLimiterAbstract>> };

/**
 * A rate limiter whose counts every server process on the database shares, made once per database and
 * setting. On PostgreSQL several carenav instances may serve one database, so the counts live in it
 * (rate-limiter-flexible's PostgreSQL store, table `rate_limits`, made by drizzle-pg/0006); a limit of
 * 5 is then 5 across all instances, not 5 each. On SQLite one process serves the database
 * (db/server-lock.ts), so they stay in its memory.
 */
export function sharedLimiter(db: Db, options: LimiterOptions): RateLimiterAbstract {
  const all = (globalForLimiters.carenavLimiters ??= new WeakMap());
  let mine = all.get(db);
  if (!mine) all.set(db, (mine = new Map<string, RateLimiterAbstract>()));
  const key = `${options.keyPrefix}/${options.points}/${options.duration}`;
  let limiter = mine.get(key);
  if (!limiter) {
    limiter = db.$engine === 'postgres' ? postgresLimiter(db, options) : new RateLimiterMemory(options);
    mine.set(key, limiter);
  }
  return limiter;
}

function postgresLimiter(db: Db, options: LimiterOptions): RateLimiterAbstract {
  const pool = poolOf(db);
  return new RateLimiterPostgres({
    ...options,
    // Counted outside the caller's transaction: a refused attempt's count must stand when it rolls back.
    storeClient: { query: (...args: Parameters<typeof pool.query>) => outsideAnyTransaction(() => pool.query(...args)) },
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    // Expired counts are cleared by the library every 5 minutes.
    clearExpiredByTimeout: true,
  });
}

/** Forgets every count kept in memory (tests; counts kept in PostgreSQL go with the test's database). */
export function resetSharedLimiters(): void {
  globalForLimiters.carenavLimiters = undefined;
}
