import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const SECTORS = ['primary', 'secondary', 'social', 'housing', 'voluntary', 'community', 'carer'] as const;
export type Sector = (typeof SECTORS)[number];

/** Sectors an organisation can belong to (`carer` is only used for updates from family carers). */
export const ORGANISATION_SECTORS = ['primary', 'secondary', 'social', 'housing', 'voluntary', 'community'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

export const ORGANISATION_KINDS = [
  'gp_practice',
  'navigator_team',
  'hospital_trust',
  'adult_social_care',
  'housing',
  'voluntary',
  'community_health',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Each kind of organisation belongs to one sector. */
export const KIND_SECTOR: Record<OrganisationKind, OrganisationSector> = {
  gp_practice: 'primary',
  navigator_team: 'primary',
  hospital_trust: 'secondary',
  adult_social_care: 'social',
  housing: 'housing',
  voluntary: 'voluntary',
  community_health: 'community',
};

export const organisations = sqliteTable(
  'organisations',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    kind: text({ enum: ORGANISATION_KINDS }).notNull(),
    sector: text({ enum: ORGANISATION_SECTORS }).notNull(),
    /** ODS code where the organisation has one. */
    odsCode: text(),
    phone: text(),
    email: text(),
    /** For a GP practice: the navigator team whose caseload its patients join. */
    navigatorTeamId: text(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: integer().notNull(),
  },
  (t) => [index('organisations_name_idx').on(t.name)],
);
