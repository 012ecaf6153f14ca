import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

/**
 * Measures already computed, kept so /metrics opens at once on a whole system's data: one row per
 * people-in-scope, period and measure. Derived data only (counts, never a person), rebuilt from the
 * record at any time: `server/metrics/kept-measures.ts` keeps it up to date.
 */
export const keptMeasures = sqliteTable(
  'kept_measures',
  {
    /** Whose people: `team:<organisation id>`, `mine:<user id>` or `all`. */
    scopeKey: text().notNull(),
    periodFrom: text().notNull(),
    periodTo: text().notNull(),
    measureId: text().notNull(),
    /** The definitions it was computed with: a row computed under other definitions is never served. */
    version: text().notNull(),
    computedAt: integer().notNull(),
    /** The measure as JSON (headline, table, chart). */
    body: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scopeKey, t.periodFrom, t.periodTo, t.measureId] }),
    index('kept_measures_computed_idx').on(t.computedAt),
  ],
);
