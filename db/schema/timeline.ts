import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { SECTORS } from './organisations';
import { patients } from './patients';
import { users } from './users';
import { organisations } from './organisations';

export const EVENT_KINDS = [
  'patient_created',
  'record_updated',
  'about_me_edited',
  'named_contact_changed',
  'care_team_changed',
  'consent_recorded',
  'note',
  'contact',
  'amendment',
  'discharge_flagged',
  'discharge_status_changed',
  'task_created',
  'task_assigned',
  'task_started',
  'task_done',
  'task_cancelled',
  'task_escalated',
  'referral_sent',
  'referral_accepted',
  'referral_declined',
  'referral_started',
  'referral_completed',
  'referral_cancelled',
  'referral_overdue',
  'handoff_offered',
  'handoff_accepted',
  'handoff_declined',
  'handoff_withdrawn',
  'appointment',
  'carer_invited',
  'carer_linked',
  'carer_update',
  'carer_access_changed',
  'break_glass',
  'wellbeing_recorded',
  'mdt_discussed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const CONTACT_METHODS = ['phone_call', 'home_visit', 'message', 'clinic_visit'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** One append-only log per person. Corrections are new `amendment` events, never edits. */
export const timelineEvents = sqliteTable(
  'timeline_events',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    kind: text({ enum: EVENT_KINDS }).notNull(),
    contactMethod: text({ enum: CONTACT_METHODS }),
    summary: text().notNull(),
    body: text().notNull().default(''),
    /** When it happened (may be earlier than when it was recorded). */
    occurredAt: integer().notNull(),
    recordedAt: integer().notNull(),
    actorUserId: text()
      .notNull()
      .references(() => users.id),
    organisationId: text().references(() => organisations.id),
    sector: text({ enum: SECTORS }).notNull(),
    subjectType: text(),
    subjectId: text(),
    amendsEventId: text(),
    carerVisible: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('timeline_patient_occurred_idx').on(t.patientId, t.occurredAt, t.id),
    // No index per sector: a sector filter walks the person's timeline in time order, which at the
    // sectors' shares costs a few hundred index entries a page, and every event written is spared it.
    // Only amendments are indexed (most events amend nothing): one page fewer written per event.
    index('timeline_amends_idx')
      .on(t.amendsEventId)
      .where(sql`${t.amendsEventId} is not null`),
  ],
);
