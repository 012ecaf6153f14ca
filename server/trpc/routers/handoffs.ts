import { router } from '../init';
import { authedProcedure, handoffProcedure, patientProcedure } from '../procedures';
import { offerHandoff, OfferHandoffSchema } from '../../handoffs/offer-handoff';
import { respondToHandoff, RespondToHandoffSchema } from '../../handoffs/respond-to-handoff';
import { listHandoffCandidates, listMyHandoffs, pendingHandoffFor } from '../../handoffs/list-handoffs';

export const handoffsRouter = router({
  offer: patientProcedure('handoff.offer')
    .input(OfferHandoffSchema)
    .mutation(({ ctx, input }) => offerHandoff(ctx.db, ctx.actor, input)),
  respond: handoffProcedure('handoff.respond')
    .input(RespondToHandoffSchema)
    .mutation(({ ctx, input }) => respondToHandoff(ctx.db, ctx.actor, input)),
  // Only hand-overs to or from the signed-in user: the offer itself is what they are told about.
  mine: authedProcedure.query(({ ctx }) => listMyHandoffs(ctx.db, ctx.actor)),
  pendingFor: patientProcedure('patient.read').query(({ ctx, input }) => pendingHandoffFor(ctx.db, input.patientId)),
  candidates: patientProcedure('handoff.offer').query(({ ctx }) => listHandoffCandidates(ctx.db)),
});
