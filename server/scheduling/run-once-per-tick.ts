import { hostname } from 'node:os';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scheduledRuns } from '../../db/schema';

const DAY_MS = 86_400_000;

/** This server process, as it signs the ticks it claims. */
export const THIS_INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Claims this tick of `job` (the interval of `intervalMs` that `now` falls in) for this process:
 * true when nobody had, so the caller runs the work; false when another instance (or an earlier
 * timer of this one) already did. Several instances share one database and each runs the same
 * timers: the primary key on (job, tick) lets exactly one insert win, on either engine. Claims older
 * than a day are removed by whoever claims the next tick.
 */
export async function claimTick(db: Db, job: string, intervalMs: number, now = Date.now(), instance = THIS_INSTANCE): Promise<boolean> {
  const tick = Math.floor(now / intervalMs);
  const claimed = await db.insert(scheduledRuns).values({ job, tick, claimedBy: instance, claimedAt: now }).onConflictDoNothing().run();
  if (claimed.changes === 0) return false;
  const dayAgo = tick - Math.ceil(DAY_MS / intervalMs);
  await db
    .delete(scheduledRuns)
    .where(and(eq(scheduledRuns.job, job), lt(scheduledRuns.tick, dayAgo)))
    .run();
  return true;
}
