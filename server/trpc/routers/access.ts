import { router } from '../init';
import { patientProcedure, permittedProcedure } from '../procedures';
import { listAccessLog, ListAccessLogSchema } from '../../audit/list-access-log';
import { requestBreakGlass, RequestBreakGlassSchema } from '../../break-glass/request-break-glass';
import { listAccessReviews, ListAccessReviewsSchema } from '../../break-glass/list-access-reviews';
import { reviewAccess, ReviewAccessSchema } from '../../break-glass/review-access';

/** Who has seen a record, emergency access, and its review. */
export const accessRouter = router({
  log: patientProcedure('patient.read')
    .input(ListAccessLogSchema)
    .query(({ ctx, input }) => listAccessLog(ctx.db, input)),
  // Not a patientProcedure: the whole point is that the caller has no relationship yet. The use case
  // asks the same policy, and audits a refusal as well as the grant.
  breakGlass: permittedProcedure('patient.breakGlass')
    .input(RequestBreakGlassSchema)
    .mutation(({ ctx, input }) => requestBreakGlass(ctx.db, ctx.actor, input)),
  reviews: permittedProcedure('access.review')
    .input(ListAccessReviewsSchema)
    .query(({ ctx, input }) => listAccessReviews(ctx.db, ctx.actor, input)),
  review: permittedProcedure('access.review')
    .input(ReviewAccessSchema)
    .mutation(({ ctx, input }) => reviewAccess(ctx.db, ctx.actor, input)),
});
