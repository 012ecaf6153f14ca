import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { patients, RISK_LEVELS } from './patients';
import { users } from './users';
import { DISCHARGE_STATUSES, type DischargePathway } from './discharge-statuses';

export {
  ACTIVE_DISCHARGE_STATUSES,
  DISCHARGE_PATHWAYS,
  DISCHARGE_STATUSES,
  type DischargePathway,
  type DischargeStatus,
} from './discharge-statuses';

/**
 * "Still being worked" as SQL with the statuses written in, not bound: SQLite uses a partial index
 * only when the query's condition is the index's own. Used by the index below and the worklist.
 */
export const isActiveDischarge = (status: AnySQLiteColumn) => sql`${status} in ('flagged', 'planned', 'home')`;

/** A risky hospital discharge flagged by a GP practice, a hospital ward or a navigator. */
export const discharges = sqliteTable(
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
    /** How to reach whoever flagged it: phone, extension or bleep. */
    flaggerContact: text().notNull(),
    /** The hospital's name as shown (kept as it was when flagged, whatever the directory says later). */
    hospital: text().notNull(),
    /** The hospital chosen from the directory (organisations of kind hospital_trust); null for older flags. */
    hospitalOrganisationId: text().references(() => organisations.id),
    ward: text().notNull().default(''),
    /** ISO date, YYYY-MM-DD. */
    expectedDate: text().notNull(),
    pathway: integer().notNull().$type<DischargePathway>(),
    riskLevel: text({ enum: RISK_LEVELS }).notNull(),
    concern: text().notNull(),
    ask: text().notNull(),
    careVisitsPerDay: integer().notNull().default(0),
    careProvider: text().notNull().default(''),
    carerConsulted: integer({ mode: 'boolean' }).notNull(),
    status: text({ enum: DISCHARGE_STATUSES }).notNull().default('flagged'),
    /** The follow-up window from the checklist template when this was flagged. */
    followUpHours: integer().notNull(),
    /** When the person got home (ms), set when marked home. */
    homeAt: integer(),
    followedUpAt: integer(),
    followedUpByUserId: text().references(() => users.id),
    followUpOutcome: text(),
    closedAt: integer(),
    closedReason: text(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    index('discharges_status_expected_idx').on(t.status, t.expectedDate, t.id),
    index('discharges_flagged_by_idx').on(t.flaggedByUserId, t.expectedDate, t.id),
    index('discharges_patient_idx').on(t.patientId),
    // The active worklist in expected-date order: a few thousand rows at the scale of a whole ICS.
    index('discharges_active_expected_idx').on(t.expectedDate, t.id).where(isActiveDischarge(t.status)),
  ],
);

export const CHECKLIST_ITEM_KINDS = ['task', 'follow_up'] as const;

/**
 * The template each flagged discharge's checklist is made from. Exactly one item is the follow-up
 * contact, whose due time is set from the moment the person gets home.
 */
export const checklistItems = sqliteTable('checklist_items', {
  id: text().primaryKey(),
  title: text().notNull(),
  kind: text({ enum: CHECKLIST_ITEM_KINDS }).notNull().default('task'),
  position: integer().notNull(),
  /** For the follow-up item: hours after getting home that the contact is due. */
  followUpHours: integer(),
  /**
   * The discharge-to-assess pathways whose discharges get this item, as digits ("0123": all; "1":
   * home with new support only). The follow-up contact is for every pathway.
   */
  pathways: text().notNull().default('0123'),
});
