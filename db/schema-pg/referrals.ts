import { pgTable, text, bigint, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { HANDOFF_STATUSES, REFERRAL_OUTCOMES, REFERRAL_STATUSES, SERVICE_CATEGORIES, URGENCIES } from '../schema/referrals';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

export {
  HANDOFF_STATUSES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  SERVICE_CATEGORIES,
  URGENCIES,
  type HandoffStatus,
  type ReferralOutcome,
  type ReferralStatus,
  type ServiceCategory,
  type Urgency,
} from '../schema/referrals';

/** PostgreSQL twin of db/schema/referrals.ts. */
export const services = pgTable(
  'services',
  {
    id: text().primaryKey(),
    externalId: text(),
    name: text().notNull(),
    providerName: text().notNull(),
    organisationId: text().references(() => organisations.id),
    category: text({ enum: SERVICE_CATEGORIES }).notNull(),
    area: text().notNull().default(''),
    description: text().notNull().default(''),
    eligibility: text().notNull().default(''),
    contact: text().notNull().default(''),
    targetUrgentHours: integer().notNull().default(4),
    targetSoonWorkingDays: integer().notNull().default(2),
    targetRoutineWorkingDays: integer().notNull().default(10),
    active: boolean().notNull().default(true),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('services_external_id_unique').on(t.externalId),
    index('services_name_idx').on(t.name),
    index('services_category_idx').on(t.category, t.name),
  ],
);

export const referrals = pgTable(
  'referrals',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    serviceId: text()
      .notNull()
      .references(() => services.id),
    toOrganisationId: text()
      .notNull()
      .references(() => organisations.id),
    fromUserId: text()
      .notNull()
      .references(() => users.id),
    fromOrganisationId: text().references(() => organisations.id),
    reason: text().notNull(),
    urgency: text({ enum: URGENCIES }).notNull(),
    personWants: text().notNull(),
    aboutMeReused: boolean().notNull(),
    attachments: text().notNull().default(''),
    status: text({ enum: REFERRAL_STATUSES }).notNull().default('sent'),
    ownerUserId: text().references(() => users.id),
    declineReason: text(),
    outcome: text({ enum: REFERRAL_OUTCOMES }),
    outcomeReason: text(),
    outcomeNote: text(),
    cancelReason: text(),
    targetAt: bigint({ mode: 'number' }).notNull(),
    overdueNotifiedAt: bigint({ mode: 'number' }),
    sentAt: bigint({ mode: 'number' }).notNull(),
    respondedAt: bigint({ mode: 'number' }),
    closedAt: bigint({ mode: 'number' }),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('referrals_to_org_idx').on(t.toOrganisationId, t.status, t.targetAt),
    index('referrals_inbox_idx').on(t.toOrganisationId, t.status, t.sentAt, t.id),
    index('referrals_from_org_idx').on(t.fromOrganisationId, t.sentAt),
    index('referrals_from_user_idx').on(t.fromUserId, t.sentAt),
    index('referrals_patient_idx').on(t.patientId, t.status),
    index('referrals_overdue_idx').on(t.overdueNotifiedAt, t.status, t.targetAt),
  ],
);

export const referralOutcomeReasons = pgTable('referral_outcome_reasons', {
  id: text().primaryKey(),
  label: text().notNull(),
  position: integer().notNull(),
});

export const namedContactHandoffs = pgTable(
  'named_contact_handoffs',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    fromUserId: text()
      .notNull()
      .references(() => users.id),
    toUserId: text()
      .notNull()
      .references(() => users.id),
    note: text().notNull().default(''),
    status: text({ enum: HANDOFF_STATUSES }).notNull().default('pending'),
    createdAt: bigint({ mode: 'number' }).notNull(),
    decidedAt: bigint({ mode: 'number' }),
  },
  (t) => [index('handoffs_to_idx').on(t.toUserId, t.status), index('handoffs_patient_idx').on(t.patientId, t.status)],
);
