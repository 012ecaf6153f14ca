import { RateLimiterMemory } from 'rate-limiter-flexible';
import { env } from '../env';

/**
 * Bulk look-up protection: how many patient searches one user may make in a minute. Generous for
 * real work (a navigator searches a few times an hour) and far below what a script would need to
 * walk a population. CARENAV_SEARCHES_PER_MINUTE changes it (the load test raises it).
 */
export const SEARCHES_PER_MINUTE = env().CARENAV_SEARCHES_PER_MINUTE;

// One limiter per process, shared by every bundle Next builds (like the database connection).
const globalForLimit = globalThis as unknown as { carenavSearchLimiter?: RateLimiterMemory };
const limiter = () =>
  (globalForLimit.carenavSearchLimiter ??= new RateLimiterMemory({
    keyPrefix: 'patient-search',
    points: SEARCHES_PER_MINUTE,
    duration: 60,
  }));

/** Counts one search by `userId`: null when allowed, or how many seconds to wait. */
export async function takeSearch(userId: string): Promise<number | null> {
  try {
    await limiter().consume(userId);
    return null;
  } catch (result) {
    // Refusals are RateLimiterRes objects; not checked with instanceof, as Next may bundle the
    // library more than once while the limiter itself is shared on globalThis.
    const msBeforeNext = (result as { msBeforeNext?: unknown }).msBeforeNext;
    if (typeof msBeforeNext === 'number') return Math.max(1, Math.ceil(msBeforeNext / 1000));
    throw result;
  }
}

/** Forgets every count (tests). */
export function resetSearchLimits(): void {
  globalForLimit.carenavSearchLimiter = undefined;
}
