import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Which tick of each piece of scheduled work has been claimed, and by which server process: several
 * carenav instances may share one database, and each tick's work must run once across all of them
 * (server/scheduling/run-once-per-tick.ts). The first instance to insert a tick's row runs it; the
 * others find the row and skip. Rows older than a day are removed as new ticks are claimed.
 */
export const scheduledRuns = sqliteTable(
  'scheduled_runs',
  {
    /** The work: `escalation` (every minute), `measures` (every hour). */
    job: text().notNull(),
    /** Which interval since the epoch: floor(time / interval). */
    tick: integer().notNull(),
    /** The process that claimed it: host name and process id, for whoever investigates. */
    claimedBy: text().notNull(),
    claimedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.tick] })],
);
