import { sql, type SQL } from 'drizzle-orm';
import { pgTable, text, bigint, integer, jsonb, index, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { PATIENT_STATUSES, RISK_LEVELS } from '../schema/patients';
import { organisations } from './organisations';
import { users } from './users';

export { PATIENT_STATUSES, RISK_LEVELS, searchNameOf, type RiskLevel } from '../schema/patients';

/**
 * The caseload's two sort keys, as in db/schema/patients.ts, with the same SQL (valid PostgreSQL
 * as written) and so the same values: a keyset cursor means the same thing on either engine. On
 * PostgreSQL the arithmetic is bigint (the last-contact times are bigint, 10000000000000 is an
 * int8 literal), with no overflow: the largest key is about 2 × 10^13.
 */
export const caseloadSortKeys = (t: { riskLevel: AnyPgColumn; lastContactAt: AnyPgColumn }) => {
  const rank = sql`(case ${t.riskLevel} when 'high' then 0 when 'medium' then 1 else 2 end)`;
  const lastContact = sql`(case when ${t.lastContactAt} is null then 0 else ${t.lastContactAt} end)`;
  return {
    risk: sql<number>`(${rank} * 10000000000000 + ${lastContact})`,
    lastContact: sql<number>`(${lastContact} * 3 + ${rank})`,
  } satisfies Record<string, SQL<number>>;
};

/**
 * PostgreSQL twin of db/schema/patients.ts. The name search's trigram and prefix indexes are made
 * by the hand-written migration drizzle-pg/0003_patient_name_search.sql (as FTS5 is on SQLite).
 */
export const patients = pgTable(
  'patients',
  {
    id: text().primaryKey(),
    nhsNumber: text().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    searchName: text().notNull(),
    dateOfBirth: text().notNull(),
    address: text().notNull().default(''),
    postcode: text().notNull().default(''),
    phone: text().notNull().default(''),
    registeredPracticeId: text()
      .notNull()
      .references(() => organisations.id),
    caseloadOrganisationId: text()
      .notNull()
      .references(() => organisations.id),
    namedContactUserId: text().references(() => users.id),
    status: text({ enum: PATIENT_STATUSES }).notNull().default('active'),
    closedReason: text(),
    riskLevel: text({ enum: RISK_LEVELS }).notNull().default('medium'),
    conditions: jsonb().$type<string[]>().notNull().default([]),
    communicationNeeds: text().notNull().default(''),
    homeAccessNotes: text().notNull().default(''),
    aboutWhatMatters: text().notNull().default(''),
    aboutStrengths: text().notNull().default(''),
    aboutEveryoneShouldKnow: text().notNull().default(''),
    nextAction: text().notNull().default(''),
    lastContactAt: bigint({ mode: 'number' }),
    // Kept by the database (triggers in drizzle-pg/0004_mdt_signals.sql).
    mdtTaskDueAt: bigint({ mode: 'number' }),
    mdtDeclinedAt: bigint({ mode: 'number' }),
    mdtReferralTargetAt: bigint({ mode: 'number' }),
    mdtHomeAt: bigint({ mode: 'number' }),
    mdtCareTeamSectors: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('patients_nhs_number_unique').on(t.nhsNumber),
    index('patients_named_contact_idx').on(t.namedContactUserId, t.status),
    index('patients_caseload_idx').on(t.caseloadOrganisationId, t.status),
    index('patients_practice_idx').on(t.registeredPracticeId),
    index('patients_search_name_idx').on(t.searchName),
    index('patients_family_name_idx').on(t.familyName),
    index('patients_dob_idx').on(t.dateOfBirth),
    index('patients_mine_by_risk_idx').on(t.namedContactUserId, t.status, caseloadSortKeys(t).risk, t.id),
    index('patients_mine_by_contact_idx').on(t.namedContactUserId, t.status, caseloadSortKeys(t).lastContact, t.id),
    index('patients_team_by_risk_idx').on(t.caseloadOrganisationId, t.status, caseloadSortKeys(t).risk, t.id),
    index('patients_team_by_contact_idx').on(t.caseloadOrganisationId, t.status, caseloadSortKeys(t).lastContact, t.id),
    index('patients_mdt_idx').on(
      t.caseloadOrganisationId,
      t.status,
      t.riskLevel,
      t.lastContactAt,
      t.mdtTaskDueAt,
      t.mdtDeclinedAt,
      t.mdtReferralTargetAt,
      t.mdtHomeAt,
      t.mdtCareTeamSectors,
      t.namedContactUserId,
      t.id,
    ),
  ],
);

export const careTeamMembers = pgTable(
  'care_team_members',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    userId: text().references(() => users.id),
    name: text().notNull(),
    role: text().notNull(),
    organisationId: text().references(() => organisations.id),
    organisationName: text().notNull(),
    phone: text().notNull().default(''),
    addedAt: bigint({ mode: 'number' }).notNull(),
    removedAt: bigint({ mode: 'number' }),
  },
  (t) => [
    index('care_team_patient_idx').on(t.patientId, t.removedAt),
    index('care_team_user_idx').on(t.userId, t.removedAt),
    index('care_team_organisation_idx').on(t.organisationId, t.removedAt, t.patientId),
  ],
);
