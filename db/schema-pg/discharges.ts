import { sql } from 'drizzle-orm';
import { pgTable, text, bigint, integer, boolean, index, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CHECKLIST_ITEM_KINDS } from '../schema/discharges';
import { DISCHARGE_STATUSES, type DischargePathway } from '../schema/discharge-statuses';
import { RISK_LEVELS } from '../schema/patients';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

export {
  ACTIVE_DISCHARGE_STATUSES,
  CHECKLIST_ITEM_KINDS,
  DISCHARGE_PATHWAYS,
  DISCHARGE_STATUSES,
  type DischargePathway,
  type DischargeStatus,
} from '../schema/discharges';

/** As in db/schema/discharges.ts (same SQL): the statuses written in, so the partial index serves it. */
export const isActiveDischarge = (status: AnyPgColumn) => sql`${status} in ('flagged', 'planned', 'home')`;

/** PostgreSQL twin of db/schema/discharges.ts. */
export const discharges = pgTable(
  'discharges',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    flaggedByUserId: text()
      .notNull()
      .references(() => users.id),
    flaggedByOrganisationId: text().references(() => organisations.id),
    flaggerContact: text().notNull(),
    hospital: text().notNull(),
    hospitalOrganisationId: text().references(() => organisations.id),
    ward: text().notNull().default(''),
    expectedDate: text().notNull(),
    pathway: integer().notNull().$type<DischargePathway>(),
    riskLevel: text({ enum: RISK_LEVELS }).notNull(),
    concern: text().notNull(),
    ask: text().notNull(),
    careVisitsPerDay: integer().notNull().default(0),
    careProvider: text().notNull().default(''),
    carerConsulted: boolean().notNull(),
    status: text({ enum: DISCHARGE_STATUSES }).notNull().default('flagged'),
    followUpHours: integer().notNull(),
    homeAt: bigint({ mode: 'number' }),
    followedUpAt: bigint({ mode: 'number' }),
    followedUpByUserId: text().references(() => users.id),
    followUpOutcome: text(),
    closedAt: bigint({ mode: 'number' }),
    closedReason: text(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('discharges_status_expected_idx').on(t.status, t.expectedDate, t.id),
    index('discharges_flagged_by_idx').on(t.flaggedByUserId, t.expectedDate, t.id),
    index('discharges_patient_idx').on(t.patientId),
    index('discharges_active_expected_idx').on(t.expectedDate, t.id).where(isActiveDischarge(t.status)),
  ],
);

export const checklistItems = pgTable('checklist_items', {
  id: text().primaryKey(),
  title: text().notNull(),
  kind: text({ enum: CHECKLIST_ITEM_KINDS }).notNull().default('task'),
  position: integer().notNull(),
  followUpHours: integer(),
  pathways: text().notNull().default('0123'),
});
