import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';
import type { Actor } from '../access/actor';
import { NotFound } from '../errors';
import { IdSchema } from '../validation';

export const MarkReadSchema = z.object({
  /** One notification, or all of the user's unread ones when left out. */
  notificationId: IdSchema('Notification').optional(),
});
export type MarkReadInput = z.infer<typeof MarkReadSchema>;

/** Marks the user's own notifications read; someone else's notification is simply not found. */
export async function markRead(db: Db, actor: Actor, input: MarkReadInput, now = Date.now()): Promise<{ marked: number }> {
  return await db.transaction(async (tx) => {
    const marked = await markOwn(tx, actor, input, now);
    return { marked };
  });
}

async function markOwn(db: Pick<Db, 'select' | 'update'>, actor: Actor, input: MarkReadInput, now: number): Promise<number> {
  const mine = eq(notifications.userId, actor.userId);
  if (input.notificationId) {
    const own = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(mine, eq(notifications.id, input.notificationId)))
      .get();
    if (!own) throw new NotFound('This notification does not exist.');
    const result = await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine, eq(notifications.id, input.notificationId), isNull(notifications.readAt)))
      .run();
    return result.changes;
  }
  return (
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine, isNull(notifications.readAt)))
      .run()
  ).changes;
}
