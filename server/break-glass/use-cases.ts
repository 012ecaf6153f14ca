import { takeSearch } from '../rate-limit/search-limit';
import { read, subject, write } from '../use-cases/define';
import { listAccessLog, ListAccessLogSchema } from '../audit/list-access-log';
import { breakGlassOption, BreakGlassOptionSchema, requestBreakGlass, RequestBreakGlassSchema } from './request-break-glass';
import { listAccessReviews, ListAccessReviewsSchema } from './list-access-reviews';
import { reviewAccess, ReviewAccessSchema } from './review-access';

/** Who has seen a record, emergency access, and its review. */
export const accessUseCases = {
  log: read({
    name: 'access.log',
    permission: 'patient.read',
    subject: subject.patient,
    input: ListAccessLogSchema,
    run: async (c) => await listAccessLog(c.db, c.input),
  }),
  // Not about the person as subject: the whole point is that the caller has no relationship yet. The use case
  // asks the same policy, and audits a refusal as well as the grant.
  breakGlass: write({
    name: 'access.breakGlass',
    permission: 'patient.breakGlass',
    subject: subject.role,
    input: RequestBreakGlassSchema,
    run: async (c) => await requestBreakGlass(c.db, c.actor, c.input),
  }),
  // Whether the pages should offer emergency access to this person (the request's own rules, nothing written).
  breakGlassOption: read({
    name: 'access.breakGlassOption',
    permission: 'patient.breakGlass',
    subject: subject.role,
    input: BreakGlassOptionSchema,
    // It answers for any person's id: limited like a look-up of people.
    limit: { take: takeSearch, what: 'look-ups of people' },
    run: async (c) => await breakGlassOption(c.db, c.actor, c.input),
  }),
  reviews: read({
    name: 'access.reviews',
    permission: 'access.review',
    subject: subject.role,
    input: ListAccessReviewsSchema,
    run: async (c) => await listAccessReviews(c.db, c.actor, c.input),
  }),
  review: write({
    name: 'access.review',
    permission: 'access.review',
    subject: subject.role,
    input: ReviewAccessSchema,
    run: async (c) => await reviewAccess(c.db, c.actor, c.input),
  }),
};
