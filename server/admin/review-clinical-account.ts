import { z } from 'zod';
import { IdSchema } from '../validation';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { Conflict, Forbidden, NotFound } from '../errors';
import { CLINICAL_REVIEW_DAYS, listClinicalAccountChanges, reviewsOf } from './list-clinical-account-changes';

export const ReviewClinicalAccountSchema = z.object({
  changeId: IdSchema('Change'),
});
export type ReviewClinicalAccountInput = z.infer<typeof ReviewClinicalAccountSchema>;

/**
 * Another administrator confirms they have checked an account created with, or raised to, a
 * clinical role (#16 finding 5). The review is itself an audit row (`change=<audit row id>
 * user=<account id>`), so no table is needed and it cannot be edited afterwards. Never by the
 * administrator who made the change: a second pair of eyes is the point.
 */
export async function reviewClinicalAccount(
  db: Db,
  actor: Actor,
  input: ReviewClinicalAccountInput,
  now = Date.now(),
): Promise<{ reviewedAt: number }> {
  const refused = (rule: string, error: Error): never => {
    actor.access?.audit?.refused(null, rule);
    throw error;
  };
  // In one transaction: two administrators reviewing at once cannot both succeed.
  const result = await db.transaction(async (tx) => {
    const change = (await listClinicalAccountChanges(tx, actor, {}, now)).find((c) => c.id === input.changeId);
    if (!change) return { refuse: 'not_found' as const };
    if (change.byUserId === actor.userId) return { refuse: 'own_change' as const };
    if ((await reviewsOf(tx, [change.id], now - CLINICAL_REVIEW_DAYS * 86_400_000)).has(change.id))
      return { refuse: 'already_reviewed' as const };
    // The review is this call's own audit row: which change, whose account, which role.
    actor.access?.audit?.detail(`change=${change.id} user=${change.accountId} role=${change.role}`);
    return { refuse: null };
  });
  switch (result.refuse) {
    case 'not_found':
      return refused('not_found', new NotFound('That change is not in your list of clinical accounts to review.'));
    case 'own_change':
      return refused('second_admin_required', new Forbidden('Another administrator must review an account you created or changed.'));
    case 'already_reviewed':
      return refused('already_reviewed', new Conflict('This account has already been reviewed.'));
    case null:
      return { reviewedAt: now };
  }
}
