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
    run: (c) => listTimeline(c.db, c.input),
  }),
  get: read({
    name: 'timeline.get',
    permission: 'patient.read',
    subject: subject.patient,
    input: GetEventSchema,
    run: (c) => getEvent(c.db, c.input),
  }),
  add: write({
    name: 'timeline.add',
    permission: 'timeline.write',
    subject: subject.patient,
    input: AddEntrySchema,
    run: (c) => addEntry(c.db, c.actor, c.input),
  }),
  amend: write({
    name: 'timeline.amend',
    permission: 'timeline.write',
    subject: subject.patient,
    input: AmendEventSchema,
    run: (c) => amendEvent(c.db, c.actor, c.input),
  }),
};
