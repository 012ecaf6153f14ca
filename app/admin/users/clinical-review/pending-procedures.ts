import type { ClinicalAccountChange, ListClinicalAccountChangesInput } from '../../../../server/admin/list-clinical-account-changes';
import type { ReviewClinicalAccountInput } from '../../../../server/admin/review-clinical-account';

/**
 * The two admin procedures this page calls, typed until the admin router declares them
 * (admin.clinicalAccountChanges, query; admin.reviewClinicalAccount, mutation; both admin.manage).
 * Once it does, `clinicalReview(caller)` is just `caller.admin` and this file can go.
 */
type ClinicalReviewProcedures = {
  clinicalAccountChanges: (input?: ListClinicalAccountChangesInput) => Promise<ClinicalAccountChange[]>;
  reviewClinicalAccount: (input: ReviewClinicalAccountInput) => Promise<{ reviewedAt: number }>;
};

export function clinicalReview<C extends { admin: object }>(caller: C): C['admin'] & ClinicalReviewProcedures {
  return caller.admin as C['admin'] & ClinicalReviewProcedures;
}
