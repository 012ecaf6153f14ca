import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { users } from './users';

export const REVIEW_OUTCOMES = ['appropriate', 'inappropriate'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/**
 * Emergency ("break-glass") access by a member of staff with no relationship to the person: the
 * reason they gave, how long it lasts, and the administrator's review of it afterwards.
 */
export const breakGlassGrants = sqliteTable(
  'break_glass_grants',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    reason: text().notNull(),
    grantedAt: integer().notNull(),
    expiresAt: integer().notNull(),
    reviewOutcome: text({ enum: REVIEW_OUTCOMES }),
    reviewNote: text(),
    reviewedByUserId: text().references(() => users.id),
    reviewedAt: integer(),
  },
  (t) => [
    index('break_glass_user_patient_idx').on(t.userId, t.patientId, t.expiresAt),
    index('break_glass_review_idx').on(t.reviewedAt, t.grantedAt),
  ],
);
