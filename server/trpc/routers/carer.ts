import { router } from '../init';
import { permittedProcedure } from '../procedures';
import { listCarerSummaries } from '../../carers/list-carer-summaries';

export const carerRouter = router({
  summaries: permittedProcedure('carer.summary').query(({ ctx }) => listCarerSummaries(ctx.db, ctx.actor)),
});
