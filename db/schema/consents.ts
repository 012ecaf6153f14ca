import { desc, sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { users } from './users';

export const CONSENT_PURPOSES = ['adult_social_care', 'housing', 'voluntary_services', 'named_carer'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_DECISIONS = ['granted', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_METHODS = ['verbal', 'written', 'electronic', 'lasting_power_of_attorney'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Append-only: the latest decision per purpose (and carer) is the one in force. */
export const consents = sqliteTable(
  'consents',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    purpose: text({ enum: CONSENT_PURPOSES }).notNull(),
    decision: text({ enum: CONSENT_DECISIONS }).notNull(),
    method: text({ enum: CONSENT_METHODS }).notNull(),
    /** For `named_carer`: who the carer is. Empty for other purposes. */
    carerName: text().notNull().default(''),
    /** For `named_carer`: the carer's name normalised, so each carer has their own decision in force. */
    carerKey: text().notNull().default(''),
    notes: text().notNull().default(''),
    /** When the person gave the decision. */
    decidedAt: integer().notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    recordedAt: integer().notNull(),
  },
  (t) => [
    index('consents_patient_purpose_idx').on(t.patientId, t.purpose, t.decidedAt),
    index('consents_patient_carer_idx').on(t.patientId, t.carerKey, t.decidedAt),
  ],
);

/** How a carer's name is compared between consent decisions: case and spacing do not matter. */
export function carerKeyOf(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The order in which the first decision per purpose is the one in force; insertion order breaks exact ties. */
export const NEWEST_DECISION_FIRST = [desc(consents.decidedAt), desc(consents.recordedAt), desc(sql`${consents}.rowid`)];
