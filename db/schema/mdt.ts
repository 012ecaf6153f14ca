import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

/** A weekly multidisciplinary team meeting of a navigator team. */
export const mdtMeetings = sqliteTable(
  'mdt_meetings',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    /** The day it was held (YYYY-MM-DD). */
    heldOn: text().notNull(),
    /** Who was there, one per line (people from any organisation). */
    attendees: text().notNull(),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: integer().notNull(),
  },
  (t) => [index('mdt_meetings_org_idx').on(t.organisationId, t.heldOn)],
);

/** One person discussed at a meeting: the note goes on their timeline; each action becomes a task. */
export const mdtDiscussions = sqliteTable(
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
    createdAt: integer().notNull(),
  },
  (t) => [
    index('mdt_discussions_meeting_idx').on(t.meetingId, t.createdAt),
    index('mdt_discussions_patient_idx').on(t.patientId, t.createdAt),
  ],
);

/**
 * A person chosen for a meeting, from the ranked worklist: the meeting discusses these people, not
 * the whole list (a team's list can run to thousands).
 */
export const mdtChosen = sqliteTable(
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
    chosenAt: integer().notNull(),
  },
  (t) => [uniqueIndex('mdt_chosen_meeting_patient_idx').on(t.meetingId, t.patientId)],
);
