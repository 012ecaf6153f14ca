import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { users } from './users';

export const WELLBEING_KINDS = ['baseline', 'follow_up'] as const;
export type WellbeingKind = (typeof WELLBEING_KINDS)[number];

/** The ONS personal wellbeing questions (ONS4), each answered 0–10. */
export const ONS4_ITEMS = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export type Ons4Item = (typeof ONS4_ITEMS)[number];

/** ONS4 answers recorded on a person's record: a baseline, then follow-ups. */
export const wellbeingScores = sqliteTable(
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
    /** The day the person answered (YYYY-MM-DD). */
    answeredOn: text().notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    recordedAt: integer().notNull(),
  },
  (t) => [index('wellbeing_patient_idx').on(t.patientId, t.answeredOn)],
);
