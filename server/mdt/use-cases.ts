import { NoInput, read, subject, write } from '../use-cases/define';
import { z } from 'zod';
import { mdtWorklist, MdtWorklistSchema } from './mdt-worklist';
import { choosePeople, ChoosePeopleSchema, unchoosePerson, UnchoosePersonSchema } from './choose-people';
import { getMeeting, listMeetings, recordMeeting, RecordMeetingSchema } from './record-meeting';
import { recordDiscussion, RecordDiscussionSchema } from './record-discussion';
import { IdSchema } from '../validation';

/** The weekly multidisciplinary team meeting of a navigator team. */
export const mdtUseCases = {
  worklist: read({
    name: 'mdt.worklist',
    permission: 'mdt.work',
    subject: subject.role,
    input: MdtWorklistSchema,
    run: async (c) => await mdtWorklist(c.db, c.actor, c.input),
  }),
  meetings: read({
    name: 'mdt.meetings',
    permission: 'mdt.work',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listMeetings(c.db, c.actor),
  }),
  meeting: read({
    name: 'mdt.meeting',
    permission: 'mdt.work',
    subject: subject.role,
    input: z.object({ meetingId: IdSchema('Meeting') }),
    run: async (c) => await getMeeting(c.db, c.actor, c.input.meetingId),
  }),
  recordMeeting: write({
    name: 'mdt.recordMeeting',
    permission: 'mdt.work',
    subject: subject.role,
    input: RecordMeetingSchema,
    run: async (c) => await recordMeeting(c.db, c.actor, c.input),
  }),
  // Every person chosen is decided by the policy in the use case (one refusal refuses them all).
  choosePeople: write({
    name: 'mdt.choosePeople',
    permission: 'mdt.work',
    subject: subject.role,
    input: ChoosePeopleSchema,
    run: async (c) => await choosePeople(c.db, c.actor, c.input),
  }),
  unchoosePerson: write({
    name: 'mdt.unchoosePerson',
    permission: 'mdt.work',
    subject: subject.patient,
    input: UnchoosePersonSchema,
    run: async (c) => await unchoosePerson(c.db, c.actor, c.input),
  }),
  // About one person: the record procedure checks the actor may work on them, and audits.
  recordDiscussion: write({
    name: 'mdt.recordDiscussion',
    permission: 'mdt.work',
    subject: subject.patient,
    input: RecordDiscussionSchema,
    run: async (c) => await recordDiscussion(c.db, c.actor, c.input),
  }),
};
