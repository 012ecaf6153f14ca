import { pgTable, text, bigint, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

/** PostgreSQL twin of db/schema/mdt.ts. */
export const mdtMeetings = pgTable(
  'mdt_meetings',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    heldOn: text().notNull(),
    attendees: text().notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('mdt_meetings_org_idx').on(t.organisationId, t.heldOn)],
);

export const mdtDiscussions = pgTable(
  'mdt_discussions',
  {
    id: text().primaryKey(),
    meetingId: text()
      .notNull()
      .references(() => mdtMeetings.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    note: text().notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('mdt_discussions_meeting_idx').on(t.meetingId, t.createdAt),
    index('mdt_discussions_patient_idx').on(t.patientId, t.createdAt),
  ],
);

export const mdtChosen = pgTable(
  'mdt_chosen',
  {
    id: text().primaryKey(),
    meetingId: text()
      .notNull()
      .references(() => mdtMeetings.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    chosenByUserId: text()
      .notNull()
      .references(() => users.id),
    chosenAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('mdt_chosen_meeting_patient_idx').on(t.meetingId, t.patientId)],
);
