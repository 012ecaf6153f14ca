import { pgTable, text, bigint, index } from 'drizzle-orm/pg-core';
import { CONSENT_DECISIONS, CONSENT_METHODS, CONSENT_PURPOSES } from '../schema/consents';
import { patients } from './patients';
import { users } from './users';

export {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  carerKeyOf,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
} from '../schema/consents';

/**
 * PostgreSQL twin of db/schema/consents.ts. Append-only: the latest decision per purpose (and
 * carer) is the one in force. `NEWEST_DECISION_FIRST` is not here: on SQLite it breaks exact ties
 * by rowid (insertion order), which PostgreSQL has no equivalent of; the PostgreSQL query will
 * need its own tie-break (see the report of issue #19, step 2).
 */
export const consents = pgTable(
  'consents',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    purpose: text({ enum: CONSENT_PURPOSES }).notNull(),
    decision: text({ enum: CONSENT_DECISIONS }).notNull(),
    method: text({ enum: CONSENT_METHODS }).notNull(),
    carerName: text().notNull().default(''),
    carerKey: text().notNull().default(''),
    notes: text().notNull().default(''),
    decidedAt: bigint({ mode: 'number' }).notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    recordedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('consents_patient_purpose_idx').on(t.patientId, t.purpose, t.decidedAt),
    index('consents_patient_carer_idx').on(t.patientId, t.carerKey, t.decidedAt),
  ],
);
