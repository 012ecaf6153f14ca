import { router } from '../init';
import { patientProcedure, permittedProcedure } from '../procedures';
import { carerPerson, listCarerSummaries } from '../../carers/list-carer-summaries';
import { sendCarerUpdate, SendCarerUpdateSchema } from '../../carers/send-carer-update';
import { listCarerAccessLog, ListCarerAccessLogSchema } from '../../audit/list-access-log';

/** The family carer's side: everything here is about people who agreed to share with them. */
export const carerRouter = router({
  summaries: permittedProcedure('carer.summary').query(({ ctx }) => listCarerSummaries(ctx.db, ctx.actor)),
  sendUpdate: patientProcedure('carer.update')
    .input(SendCarerUpdateSchema)
    .mutation(({ ctx, input }) => sendCarerUpdate(ctx.db, ctx.actor, input)),
  // "Who has seen this record" by organisation type only: staff names and emergency reasons are not the carer's to see.
  accessLog: patientProcedure('carer.accessLog')
    .input(ListCarerAccessLogSchema)
    .query(({ ctx, input }) => listCarerAccessLog(ctx.db, input)),
  /** The person's name, for the carer's pages about them, with why the carer may see it. */
  person: patientProcedure('carer.summary').query(({ ctx }) => ({
    ...carerPerson(ctx.db, ctx.patientId),
    explanation: ctx.decision.explanation,
  })),
});
