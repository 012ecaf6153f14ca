import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { REVIEW_OUTCOMES, breakGlassGrants, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, NotFound } from '../errors';
import { IdSchema, requiredText } from '../validation';
import { formatDay } from '../calendar/england-time';

export const ReviewAccessSchema = z.object({
  grantId: IdSchema('Emergency access'),
  outcome: z.enum(REVIEW_OUTCOMES, { error: 'Choose whether the access was appropriate or inappropriate' }),
  note: requiredText('Note', 2000, 'Enter a note on why you decided this'),
});
export type ReviewAccessInput = z.infer<typeof ReviewAccessSchema>;

/** An administrator's review of one use of emergency access, once; the review is itself audited. */
export async function reviewAccess(db: Db, actor: Actor, input: ReviewAccessInput, now = Date.now()): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const grant = await tx.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, input.grantId)).get();
    if (!grant) throw new NotFound('This use of emergency access does not exist.');
    if (grant.reviewedAt) {
      const by = grant.reviewedByUserId
        ? (await tx.select({ name: users.name }).from(users).where(eq(users.id, grant.reviewedByUserId)).get())?.name
        : undefined;
      throw new Conflict(`This has already been reviewed${by ? ` by ${by}` : ''} on ${formatDay(grant.reviewedAt)}.`);
    }
    await tx
      .update(breakGlassGrants)
      .set({ reviewOutcome: input.outcome, reviewNote: input.note, reviewedByUserId: actor.userId, reviewedAt: now })
      .where(and(eq(breakGlassGrants.id, input.grantId), isNull(breakGlassGrants.reviewedAt)))
      .run();
    actor.access?.audit?.people([grant.patientId]);
    actor.access?.audit?.detail(`${input.outcome}: ${input.note}`);
    return { id: grant.id };
  });
}
