import { sql } from 'drizzle-orm';
import { pgTable, text, bigint, boolean, index } from 'drizzle-orm/pg-core';
import { SECTORS } from '../schema/organisations';
import { CONTACT_METHODS, EVENT_KINDS } from '../schema/timeline';
import { patients } from './patients';
import { users } from './users';
import { organisations } from './organisations';

export { CONTACT_METHODS, EVENT_KINDS, type ContactMethod, type EventKind } from '../schema/timeline';

/** PostgreSQL twin of db/schema/timeline.ts. Append-only: triggers in drizzle-pg/0001_append_only.sql. */
export const timelineEvents = pgTable(
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
    occurredAt: bigint({ mode: 'number' }).notNull(),
    recordedAt: bigint({ mode: 'number' }).notNull(),
    actorUserId: text()
      .notNull()
      .references(() => users.id),
    organisationId: text().references(() => organisations.id),
    sector: text({ enum: SECTORS }).notNull(),
    subjectType: text(),
    subjectId: text(),
    amendsEventId: text(),
    carerVisible: boolean().notNull().default(false),
  },
  (t) => [
    index('timeline_patient_occurred_idx').on(t.patientId, t.occurredAt, t.id),
    index('timeline_amends_idx')
      .on(t.amendsEventId)
      .where(sql`${t.amendsEventId} is not null`),
  ],
);
