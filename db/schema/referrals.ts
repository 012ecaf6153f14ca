import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

export const SERVICE_CATEGORIES = [
  'adult_social_care',
  'housing',
  'voluntary_community',
  'community_health',
  'mental_health',
  'carers_support',
  'navigator_team',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const URGENCIES = ['urgent', 'soon', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The local service directory: what people can be referred to. */
export const services = sqliteTable(
  'services',
  {
    id: text().primaryKey(),
    /** The service's id in an imported Open Referral feed: imports create or update by it. */
    externalId: text(),
    name: text().notNull(),
    /** The provider as the directory names it. */
    providerName: text().notNull(),
    /** The carenav organisation whose team inbox receives referrals (null: refer outside carenav). */
    organisationId: text().references(() => organisations.id),
    category: text({ enum: SERVICE_CATEGORIES }).notNull(),
    area: text().notNull().default(''),
    description: text().notNull().default(''),
    eligibility: text().notNull().default(''),
    /** How to contact the service: phone, email, website. */
    contact: text().notNull().default(''),
    targetUrgentHours: integer().notNull().default(4),
    targetSoonWorkingDays: integer().notNull().default(2),
    targetRoutineWorkingDays: integer().notNull().default(10),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    uniqueIndex('services_external_id_unique').on(t.externalId),
    index('services_name_idx').on(t.name),
    index('services_category_idx').on(t.category, t.name),
  ],
);

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_OUTCOMES = ['successful', 'not_successful'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** A referral or hand-off from one organisation to a service: the referrer always sees where it is. */
export const referrals = sqliteTable(
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
    /** What the person wants, in their words (pre-filled from "about me"). */
    personWants: text().notNull(),
    /** Whether "what the person wants" was sent as "about me" said it, unchanged (tell it once). */
    aboutMeReused: integer({ mode: 'boolean' }).notNull(),
    attachments: text().notNull().default(''),
    status: text({ enum: REFERRAL_STATUSES }).notNull().default('sent'),
    ownerUserId: text().references(() => users.id),
    declineReason: text(),
    outcome: text({ enum: REFERRAL_OUTCOMES }),
    outcomeReason: text(),
    outcomeNote: text(),
    cancelReason: text(),
    /** When a response (accept or decline) is due, from the service's target for the urgency. */
    targetAt: integer().notNull(),
    /** Set once, when the overdue referral was flagged and both sides notified. */
    overdueNotifiedAt: integer(),
    sentAt: integer().notNull(),
    respondedAt: integer(),
    closedAt: integer(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    index('referrals_to_org_idx').on(t.toOrganisationId, t.status, t.targetAt),
    // A team's inbox, newest first, paged by keyset on (sent at, id).
    index('referrals_inbox_idx').on(t.toOrganisationId, t.status, t.sentAt, t.id),
    index('referrals_from_org_idx').on(t.fromOrganisationId, t.sentAt),
    index('referrals_from_user_idx').on(t.fromUserId, t.sentAt),
    index('referrals_patient_idx').on(t.patientId, t.status),
    index('referrals_overdue_idx').on(t.overdueNotifiedAt, t.status, t.targetAt),
  ],
);

/** The configurable list of reasons a referral did not succeed. */
export const referralOutcomeReasons = sqliteTable('referral_outcome_reasons', {
  id: text().primaryKey(),
  label: text().notNull(),
  position: integer().notNull(),
});

export const HANDOFF_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Handing a person to a new named contact: the old one stays responsible until the new one accepts. */
export const namedContactHandoffs = sqliteTable(
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
    createdAt: integer().notNull(),
    decidedAt: integer(),
  },
  (t) => [index('handoffs_to_idx').on(t.toUserId, t.status), index('handoffs_patient_idx').on(t.patientId, t.status)],
);
