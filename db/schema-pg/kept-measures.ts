import { pgTable, text, bigint, primaryKey, index } from 'drizzle-orm/pg-core';

/** PostgreSQL twin of db/schema/kept-measures.ts. */
export const keptMeasures = pgTable(
  'kept_measures',
  {
    scopeKey: text().notNull(),
    periodFrom: text().notNull(),
    periodTo: text().notNull(),
    measureId: text().notNull(),
    version: text().notNull(),
    computedAt: bigint({ mode: 'number' }).notNull(),
    /** The measure as JSON text (kept as text on both engines: it is only ever read whole). */
    body: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scopeKey, t.periodFrom, t.periodTo, t.measureId] }),
    index('kept_measures_computed_idx').on(t.computedAt),
  ],
);
