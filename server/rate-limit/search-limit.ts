import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { env } from '../env';
import { sharedLimiter } from './limiter';

/**
 * Bulk look-up protection: how many patient searches one user may make in a minute. Generous for
 * real work (a navigator searches a few times an hour) and far below what a script would need to
 * walk a population. CARENAV_SEARCHES_PER_MINUTE changes it (the load test raises it). Counted across
 * every instance serving the database (server/rate-limit/limiter.ts).
 */
export const SEARCHES_PER_MINUTE = env().CARENAV_SEARCHES_PER_MINUTE;

// One limiter per database, shared by every bundle Next builds (like the database connection).
const globalForLimit = globalThis as unknown as { carenavSearchLimiters?: WeakMap<Db, RateLimiterAbstract> };
function limiter(db: Db): RateLimiterAbstract {
  const limiters = (globalForLimit.carenavSearchLimiters ??= new WeakMap());
  let found = limiters.get(db);
  if (!found) {
    found = sharedLimiter(db, { keyPrefix: 'patient-search', points: SEARCHES_PER_MINUTE, duration: 60 });
    limiters.set(db, found);
  }
  return found;
}

/** Counts one search by `userId`: null when allowed, or how many seconds to wait. */
export async function takeSearch(db: Db, userId: string): Promise<number | null> {
  try {
    await limiter(db).consume(userId);
    return null;
  } catch (result) {
    // Refusals are RateLimiterRes objects; not checked with instanceof, as Next may bundle the
    // library more than once while the limiter itself is shared on globalThis.
    const msBeforeNext = (result as { msBeforeNext?: unknown }).msBeforeNext;
    if (typeof msBeforeNext === 'number') return Math.max(1, Math.ceil(msBeforeNext / 1000));
    throw result;
  }
}

/** Forgets every count kept in memory (tests; counts kept in PostgreSQL go with the test's database). */
export function resetSearchLimits(): void {
  globalForLimit.carenavSearchLimiters = undefined;
}
