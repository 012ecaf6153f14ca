import { router } from '../init';
import { permittedProcedure } from '../procedures';
import { readMeasures } from '../../metrics/kept-measures';
import { MeasuresInputSchema } from '../../metrics/measure-input';

/** Measures of joined-up care: counts only, never a person. */
export const metricsRouter = router({
  compute: permittedProcedure('metrics.view')
    .input(MeasuresInputSchema)
    .query(({ ctx, input }) => readMeasures(ctx.db, ctx.actor, input)),
});
