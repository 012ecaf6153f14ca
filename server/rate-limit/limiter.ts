import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { outsideTransactions, poolOf } from '../../db/pg-client';

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/**
 * A rate limiter whose counts every server process on the database shares. On PostgreSQL several
 * carenav instances may serve one database, so the counts live in it (rate-limiter-flexible's
 * PostgreSQL store, table `rate_limits`, made by drizzle-pg/0006); a limit of 5 is then 5 across all
 * instances, not 5 each. On SQLite one process serves the database (db/server-lock.ts), so they stay
 * in its memory.
 */
export function sharedLimiter(db: Db, options: LimiterOptions): RateLimiterAbstract {
  if (db.$engine !== 'postgres') return new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    // Counted outside the caller's transaction: a refused attempt's count must stand when it rolls back.
    storeClient: outsideTransactions(poolOf(db)),
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    // Expired counts are cleared by the library every 5 minutes.
    clearExpiredByTimeout: true,
  });
}
