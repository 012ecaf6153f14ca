import { z } from 'zod';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { referralOutcomeReasons } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, NotFound } from '../errors';
import { newId } from '../ids';
import { IdSchema, requiredText } from '../validation';

// The configurable list of reasons a referral did not succeed: a small admin setting, so its use
// cases share one file. Completed referrals keep the words they were closed with.

export async function listOutcomeReasons(db: Pick<Db, 'select'>) {
  return await db.select().from(referralOutcomeReasons).orderBy(asc(referralOutcomeReasons.position)).all();
}

export const AddOutcomeReasonSchema = z.object({ label: requiredText('Reason', 100, 'Enter the reason') });

export async function addOutcomeReason(db: Db, actor: Actor, input: z.infer<typeof AddOutcomeReasonSchema>): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const existing = await listOutcomeReasons(tx);
    if (existing.some((r) => r.label.toLowerCase() === input.label.toLowerCase()))
      throw new Conflict('The list already has this reason.', { field: 'label' });
    const id = newId();
    const position =
      (await tx
        .select({ max: sql<number>`coalesce(max(${referralOutcomeReasons.position}), 0)` })
        .from(referralOutcomeReasons)
        .get())!.max + 1;
    await tx.insert(referralOutcomeReasons).values({ id, label: input.label, position }).run();
    actor.access?.audit?.detail(`added outcome reason “${input.label}”`);
    return { id };
  });
}

export const RemoveOutcomeReasonSchema = z.object({ reasonId: IdSchema('Reason') });

export async function removeOutcomeReason(db: Db, actor: Actor, input: z.infer<typeof RemoveOutcomeReasonSchema>): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const reasons = await listOutcomeReasons(tx);
    const reason = reasons.find((r) => r.id === input.reasonId);
    if (!reason) throw new NotFound('This reason does not exist.');
    if (reasons.length === 1) throw new Conflict('Keep at least one reason: an unsuccessful referral needs one.');
    await tx.delete(referralOutcomeReasons).where(eq(referralOutcomeReasons.id, reason.id)).run();
    actor.access?.audit?.detail(`removed outcome reason “${reason.label}”`);
    return { id: reason.id };
  });
}
