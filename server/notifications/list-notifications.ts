import { z } from 'zod';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';
import type { Actor } from '../access/actor';
import { CursorSchema, encodeCursor, pageOf, afterCursor } from '../keyset';
import { locateDischarge, locatePatient, locateReferral, locateTask } from '../access/locate';

export const ListNotificationsSchema = z.object({
  cursor: CursorSchema.optional(),
  /** Only those not yet read (a home page shows a few unread, and audits no more than those). */
  unread: z.boolean().optional(),
  /** How many to return at most. */
  first: z.coerce.number().int().min(1).max(25).optional(),
});
export type ListNotificationsInput = z.infer<typeof ListNotificationsSchema>;

const PAGE_SIZE = 25;

/** The signed-in user's own inbox, newest first, paged by keyset. */
export async function listNotifications(db: Db, actor: Actor, input: ListNotificationsInput) {
  const limit = input.first ?? PAGE_SIZE;
  const mine = and(eq(notifications.userId, actor.userId), input.unread ? isNull(notifications.readAt) : undefined);
  const after = input.cursor
    ? afterCursor(notifications.createdAt, notifications.id, { key: Number(input.cursor.key), id: input.cursor.id }, 'desc')
    : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine, after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1)
    .all();
  const page = pageOf(rows, limit, (r) => encodeCursor(r.createdAt, r.id));
  // A notification about someone names them: reading the inbox is audited against each person shown.
  actor.access?.audit?.people(
    await peopleLinked(
      db,
      page.items.map((n) => n.link),
    ),
  );
  return { ...page, unread: await countUnread(db, actor) };
}

const LINKED: {
  pattern: RegExp;
  locate: (db: Db, id: string) => { patientId: string } | undefined | Promise<{ patientId: string } | undefined>;
}[] = [
  { pattern: /^\/patients\/([0-9a-f-]{36})/, locate: locatePatient },
  { pattern: /^\/discharges\/([0-9a-f-]{36})/, locate: locateDischarge },
  { pattern: /^\/tasks\/([0-9a-f-]{36})/, locate: locateTask },
  { pattern: /^\/referrals\/([0-9a-f-]{36})/, locate: locateReferral },
];

/** The people notifications link to (their record, or a discharge, task or referral about them). */
async function peopleLinked(db: Db, links: string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const link of links) {
    for (const { pattern, locate } of LINKED) {
      const id = pattern.exec(link)?.[1];
      const located = id ? await locate(db, id) : undefined;
      if (located) ids.add(located.patientId);
    }
  }
  return [...ids];
}

/** How many of the user's notifications are unread: the count in the header. */
export async function countUnread(db: Db, actor: Actor): Promise<number> {
  return (await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .get())!.n;
}
