import { router } from '../init';
import { patientProcedure } from '../procedures';
import { listTimeline, ListTimelineSchema } from '../../timeline/list-timeline';
import { addEntry, AddEntrySchema } from '../../timeline/add-entry';
import { amendEvent, AmendEventSchema } from '../../timeline/amend-event';
import { getEvent, GetEventSchema } from '../../timeline/get-event';

export const timelineRouter = router({
  list: patientProcedure('patient.read')
    .input(ListTimelineSchema)
    .query(({ ctx, input }) => listTimeline(ctx.db, input)),
  get: patientProcedure('patient.read')
    .input(GetEventSchema)
    .query(({ ctx, input }) => getEvent(ctx.db, input)),
  add: patientProcedure('timeline.write')
    .input(AddEntrySchema)
    .mutation(({ ctx, input }) => addEntry(ctx.db, ctx.actor, input)),
  amend: patientProcedure('timeline.write')
    .input(AmendEventSchema)
    .mutation(({ ctx, input }) => amendEvent(ctx.db, ctx.actor, input)),
});
