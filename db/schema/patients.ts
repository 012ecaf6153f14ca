import { sql, type SQL } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { users } from './users';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PATIENT_STATUSES = ['active', 'closed'] as const;

/** The lower-cased "given family" name that name search matches by prefix. */
export const searchNameOf = (givenName: string, familyName: string) =>
  `${givenName} ${familyName}`.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The caseload's two orders as one number each, so that a page is an index range and keyset paging
 * needs one key: by risk (highest first, then longest since last contact, never first), and by last
 * contact (longest ago first, then highest risk). Used both by the indexes below and by the query
 * (server/patients/list-caseload.ts): SQLite uses an index on an expression only for the same expression.
 */
export const caseloadSortKeys = (t: { riskLevel: AnySQLiteColumn; lastContactAt: AnySQLiteColumn }) => {
  const rank = sql`(case ${t.riskLevel} when 'high' then 0 when 'medium' then 1 else 2 end)`;
  const lastContact = sql`(case when ${t.lastContactAt} is null then 0 else ${t.lastContactAt} end)`;
  return {
    risk: sql<number>`(${rank} * 10000000000000 + ${lastContact})`,
    lastContact: sql<number>`(${lastContact} * 3 + ${rank})`,
  } satisfies Record<string, SQL<number>>;
};

export const patients = sqliteTable(
  'patients',
  {
    id: text().primaryKey(),
    nhsNumber: text().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    /** Lower-cased "given family" for prefix search. */
    searchName: text().notNull(),
    /** ISO date, YYYY-MM-DD. */
    dateOfBirth: text().notNull(),
    address: text().notNull().default(''),
    postcode: text().notNull().default(''),
    phone: text().notNull().default(''),
    registeredPracticeId: text()
      .notNull()
      .references(() => organisations.id),
    /** The navigator team whose caseload the person is on. */
    caseloadOrganisationId: text()
      .notNull()
      .references(() => organisations.id),
    namedContactUserId: text().references(() => users.id),
    status: text({ enum: PATIENT_STATUSES }).notNull().default('active'),
    closedReason: text(),
    riskLevel: text({ enum: RISK_LEVELS }).notNull().default('medium'),
    /** JSON array of condition names. */
    conditions: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    communicationNeeds: text().notNull().default(''),
    homeAccessNotes: text().notNull().default(''),
    aboutWhatMatters: text().notNull().default(''),
    aboutStrengths: text().notNull().default(''),
    aboutEveryoneShouldKnow: text().notNull().default(''),
    nextAction: text().notNull().default(''),
    lastContactAt: integer(),
    // Kept by the database (triggers in drizzle/0020_mdt_signals.sql) whenever a task, referral or
    // discharge changes, so the MDT worklist ranks a team of 10,000 from one index: each reason is
    // then a comparison with the time now (docs/decisions/017-mdt-worklist-from-kept-signals.md).
    /** The earliest due time of the person's unfinished tasks. */
    mdtTaskDueAt: integer(),
    /** When a referral for the person was last declined. */
    mdtDeclinedAt: integer(),
    /** The earliest response target of the person's open referrals not yet responded to. */
    mdtReferralTargetAt: integer(),
    /** When the person last got home from hospital. */
    mdtHomeAt: integer(),
    /** The sectors of the organisations on the person's care team, one bit each (`MDT_SECTOR_BITS`). */
    mdtCareTeamSectors: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
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
    // Covers the MDT worklist's ranking: the team's people are read from this index alone.
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

/** People around the patient, in any sector: a user of carenav or an external contact. */
export const careTeamMembers = sqliteTable(
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
    addedAt: integer().notNull(),
    removedAt: integer(),
  },
  (t) => [
    index('care_team_patient_idx').on(t.patientId, t.removedAt),
    index('care_team_user_idx').on(t.userId, t.removedAt),
    // Who has someone from an organisation (or a sector's organisations) on their care team: the MDT's sector filter.
    index('care_team_organisation_idx').on(t.organisationId, t.removedAt, t.patientId),
  ],
);
