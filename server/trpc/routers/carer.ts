import { router } from '../init';
import { patientProcedure, permittedProcedure } from '../procedures';
import { carerPerson, listCarerSummaries } from '../../carers/list-carer-summaries';
import { sendCarerUpdate, SendCarerUpdateSchema } from '../../carers/send-carer-update';
import { listAccessLog, ListAccessLogSchema } from '../../audit/list-access-log';

/** The family carer's side: everything here is about people who agreed to share with them. */
export const carerRouter = router({
  summaries: permittedProcedure('carer.summary').query(({ ctx }) => listCarerSummaries(ctx.db, ctx.actor)),
  sendUpdate: patientProcedure('carer.update')
    .input(SendCarerUpdateSchema)
    .mutation(({ ctx, input }) => sendCarerUpdate(ctx.db, ctx.actor, input)),
  // The same "who has seen this record" list staff see on the record's Access tab.
  accessLog: patientProcedure('carer.accessLog')
    .input(ListAccessLogSchema)
    .query(({ ctx, input }) => listAccessLog(ctx.db, input)),
  /** The person's name, for the carer's pages about them, with why the carer may see it. */
  person: patientProcedure('carer.summary').query(({ ctx }) => ({
    ...carerPerson(ctx.db, ctx.patientId),
    explanation: ctx.decision.explanation,
  })),
});
