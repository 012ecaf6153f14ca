import { read, subject, write } from '../use-cases/define';
import { listTimeline, ListTimelineSchema } from './list-timeline';
import { addEntry, AddEntrySchema } from './add-entry';
import { amendEvent, AmendEventSchema } from './amend-event';
import { getEvent, GetEventSchema } from './get-event';

export const timelineUseCases = {
  list: read({
    name: 'timeline.list',
    permission: 'patient.read',
    subject: subject.patient,
    input: ListTimelineSchema,
    run: async (c) => await listTimeline(c.db, c.input),
  }),
  get: read({
    name: 'timeline.get',
    permission: 'patient.read',
    subject: subject.patient,
    input: GetEventSchema,
    run: async (c) => await getEvent(c.db, c.input),
  }),
  add: write({
    name: 'timeline.add',
    permission: 'timeline.write',
    subject: subject.patient,
    input: AddEntrySchema,
    run: async (c) => await addEntry(c.db, c.actor, c.input),
  }),
  amend: write({
    name: 'timeline.amend',
    permission: 'timeline.write',
    subject: subject.patient,
    input: AmendEventSchema,
    run: async (c) => await amendEvent(c.db, c.actor, c.input),
  }),
};
