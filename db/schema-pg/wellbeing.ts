import { pgTable, text, bigint, integer, index } from 'drizzle-orm/pg-core';
import { WELLBEING_KINDS } from '../schema/wellbeing';
import { patients } from './patients';
import { users } from './users';

export { ONS4_ITEMS, WELLBEING_KINDS, type Ons4Item, type WellbeingKind } from '../schema/wellbeing';

/** PostgreSQL twin of db/schema/wellbeing.ts. */
export const wellbeingScores = pgTable(
  'wellbeing_scores',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    kind: text({ enum: WELLBEING_KINDS }).notNull(),
    lifeSatisfaction: integer().notNull(),
    worthwhile: integer().notNull(),
    happiness: integer().notNull(),
    anxiety: integer().notNull(),
    answeredOn: text().notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    recordedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('wellbeing_patient_idx').on(t.patientId, t.answeredOn)],
);
