import { pgTable, text, bigint, primaryKey } from 'drizzle-orm/pg-core';

/** PostgreSQL twin of db/schema/scheduled-runs.ts. */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    job: text().notNull(),
    tick: bigint({ mode: 'number' }).notNull(),
    claimedBy: text().notNull(),
    claimedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.tick] })],
);
