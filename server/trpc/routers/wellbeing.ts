import { router } from '../init';
import { patientProcedure } from '../procedures';
import { listWellbeing, recordWellbeing, RecordWellbeingSchema } from '../../wellbeing/record-wellbeing';

export const wellbeingRouter = router({
  list: patientProcedure('patient.read').query(({ ctx, input }) => listWellbeing(ctx.db, input.patientId)),
  record: patientProcedure('wellbeing.record')
    .input(RecordWellbeingSchema)
    .mutation(({ ctx, input }) => recordWellbeing(ctx.db, ctx.actor, input)),
});
