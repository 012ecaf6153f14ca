import type { Db } from '../../db/client';
import { env } from '../env';
import { resetSharedLimiters, sharedLimiter } from './limiter';

/**
 * Bulk look-up protection: how many patient searches one user may make in a minute. Generous for
 * real work (a navigator searches a few times an hour) and far below what a script would need to
 * walk a population. CARENAV_SEARCHES_PER_MINUTE changes it (the load test raises it). Counted across
 * every instance serving the database (server/rate-limit/limiter.ts).
 */
export const SEARCHES_PER_MINUTE = env().CARENAV_SEARCHES_PER_MINUTE;

/** Counts one search by `userId`: null when allowed, or how many seconds to wait. */
export async function takeSearch(db: Db, userId: string): Promise<number | null> {
  try {
    await sharedLimiter(db, { keyPrefix: 'patient-search', points: SEARCHES_PER_MINUTE, duration: 60 }).consume(userId);
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
  resetSharedLimiters();
}
