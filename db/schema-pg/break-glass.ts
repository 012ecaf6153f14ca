import { pgTable, text, bigint, index } from 'drizzle-orm/pg-core';
import { REVIEW_OUTCOMES } from '../schema/break-glass';
import { patients } from './patients';
import { users } from './users';

export { REVIEW_OUTCOMES, type ReviewOutcome } from '../schema/break-glass';

/** PostgreSQL twin of db/schema/break-glass.ts. */
export const breakGlassGrants = pgTable(
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
    grantedAt: bigint({ mode: 'number' }).notNull(),
    expiresAt: bigint({ mode: 'number' }).notNull(),
    reviewOutcome: text({ enum: REVIEW_OUTCOMES }),
    reviewNote: text(),
    reviewedByUserId: text().references(() => users.id),
    reviewedAt: bigint({ mode: 'number' }),
  },
  (t) => [
    index('break_glass_user_patient_idx').on(t.userId, t.patientId, t.expiresAt),
    index('break_glass_review_idx').on(t.reviewedAt, t.grantedAt),
  ],
);
