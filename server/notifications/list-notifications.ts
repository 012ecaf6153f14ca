import { z } from 'zod';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';
import type { Actor } from '../access/actor';
import { CursorSchema, encodeCursor, pageOf, afterCursor } from '../keyset';

export const ListNotificationsSchema = z.object({ cursor: CursorSchema.optional() });
export type ListNotificationsInput = z.infer<typeof ListNotificationsSchema>;

const PAGE_SIZE = 25;

/** The signed-in user's own inbox, newest first, paged by keyset. */
export function listNotifications(db: Db, actor: Actor, input: ListNotificationsInput) {
  const mine = eq(notifications.userId, actor.userId);
  const after = input.cursor
    ? afterCursor(notifications.createdAt, notifications.id, { key: Number(input.cursor.key), id: input.cursor.id }, 'desc')
    : undefined;
  const rows = db
    .select()
    .from(notifications)
    .where(and(mine, after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE + 1)
    .all();
  return { ...pageOf(rows, PAGE_SIZE, (r) => encodeCursor(r.createdAt, r.id)), unread: countUnread(db, actor) };
}

/** How many of the user's notifications are unread: the count in the header. */
export function countUnread(db: Db, actor: Actor): number {
  return db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .get()!.n;
}
