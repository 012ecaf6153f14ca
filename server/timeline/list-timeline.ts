import { z } from 'zod';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { CursorSchema, encodeCursor, afterCursor } from '../keyset';
import { SECTORS, organisations, timelineEvents, users } from '../../db/schema';

export { SECTORS };

export const TIMELINE_PAGE_SIZE = 20;

export const ListTimelineSchema = z.object({
  patientId: z.uuid(),
  sector: z.enum(SECTORS, { error: 'Choose a sector from the list' }).optional(),
  cursor: CursorSchema.optional(),
  limit: z.number().int().min(1).max(100).default(TIMELINE_PAGE_SIZE),
});
export type ListTimelineInput = z.infer<typeof ListTimelineSchema>;

export type TimelineItem = {
  id: string;
  kind: (typeof timelineEvents.$inferSelect)['kind'];
  summary: string;
  body: string;
  occurredAt: number;
  recordedAt: number;
  sector: (typeof timelineEvents.$inferSelect)['sector'];
  authorName: string;
  organisationName: string | null;
  amendsEventId: string | null;
  carerVisible: boolean;
  /** Ids of later events that correct this one. */
  amendedBy: string[];
};

/** Timeline events with their author and organisation: the one query every timeline read starts from. */
export function selectEvents(db: Db) {
  return db
    .select({
      id: timelineEvents.id,
      kind: timelineEvents.kind,
      summary: timelineEvents.summary,
      body: timelineEvents.body,
      occurredAt: timelineEvents.occurredAt,
      recordedAt: timelineEvents.recordedAt,
      sector: timelineEvents.sector,
      authorName: users.name,
      organisationName: organisations.name,
      amendsEventId: timelineEvents.amendsEventId,
      carerVisible: timelineEvents.carerVisible,
    })
    .from(timelineEvents)
    .innerJoin(users, eq(timelineEvents.actorUserId, users.id))
    .leftJoin(organisations, eq(timelineEvents.organisationId, organisations.id));
}

/** A person's timeline, newest first, optionally one sector, paged by keyset (never OFFSET). */
export async function listTimeline(db: Db, input: ListTimelineInput): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(timelineEvents.patientId, input.patientId)];
  if (input.sector) conditions.push(eq(timelineEvents.sector, input.sector));
  if (input.cursor) {
    const { id } = input.cursor;
    const at = Number(input.cursor.key);
    conditions.push(afterCursor(timelineEvents.occurredAt, timelineEvents.id, { key: at, id }, 'desc'));
  }
  const rows = await selectEvents(db)
    .where(and(...conditions))
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const amendments = page.length
    ? await db
        .select({ id: timelineEvents.id, amendsEventId: timelineEvents.amendsEventId })
        .from(timelineEvents)
        .where(
          inArray(
            timelineEvents.amendsEventId,
            page.map((r) => r.id),
          ),
        )
        .all()
    : [];
  const items = page.map((r) => ({
    ...r,
    amendedBy: amendments.filter((a) => a.amendsEventId === r.id).map((a) => a.id),
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}
