import { pgTable, text, bigint, boolean, index } from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS, ORGANISATION_SECTORS } from '../schema/organisations';

export {
  KIND_SECTOR,
  ORGANISATION_KINDS,
  ORGANISATION_SECTORS,
  SECTORS,
  type OrganisationKind,
  type OrganisationSector,
  type Sector,
} from '../schema/organisations';

/** PostgreSQL twin of db/schema/organisations.ts. */
export const organisations = pgTable(
  'organisations',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    kind: text({ enum: ORGANISATION_KINDS }).notNull(),
    sector: text({ enum: ORGANISATION_SECTORS }).notNull(),
    odsCode: text(),
    phone: text(),
    email: text(),
    navigatorTeamId: text(),
    active: boolean().notNull().default(true),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('organisations_name_idx').on(t.name)],
);
