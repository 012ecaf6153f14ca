import { z } from 'zod';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseloadSortKeys, patients, tasks, users } from '../../db/schema';
import { afterCursor } from '../keyset';
import type { Actor } from '../access/actor';
import { policyPage, SealedCursorSchema } from '../policy-page';

export const ListCaseloadSchema = z.object({
  scope: z.enum(['mine', 'team'], { error: 'Choose whose caseload: mine or my team’s' }).default('mine'),
  sort: z.enum(['risk', 'lastContact'], { error: 'Sort by risk or by last contact' }).default('risk'),
  /** Sealed by the server (server/policy-page.ts). */
  cursor: SealedCursorSchema.optional(),
});
export type ListCaseloadInput = z.infer<typeof ListCaseloadSchema>;

export const CASELOAD_PAGE_SIZE = 25;

const SORT_KEYS = caseloadSortKeys(patients);

/**
 * The navigator's caseload: people whose named contact is me, or everyone on my team's caseload.
 * Sorted by risk (highest first) or by last contact (longest ago, and never, first), 25 to a page
 * (keyset: a team may have thousands of people). Each person passes the access policy; those it
 * refuses are left out and the refusal recorded (server/policy-page.ts).
 */
export async function listCaseload(db: Db, actor: Actor, input: ListCaseloadInput, now = Date.now()) {
  const scope =
    input.scope === 'mine'
      ? eq(patients.namedContactUserId, actor.userId)
      : eq(patients.caseloadOrganisationId, actor.organisationId ?? '');
  // One indexed sort key per order (db/schema/patients.ts), so a page is an index range read.
  const sortKey = SORT_KEYS[input.sort];
  const fetch = async (cursor: { key: number; id: string } | null, count: number) =>
    await db
      .select({
        id: patients.id,
        givenName: patients.givenName,
        familyName: patients.familyName,
        dateOfBirth: patients.dateOfBirth,
        riskLevel: patients.riskLevel,
        lastContactAt: patients.lastContactAt,
        nextAction: patients.nextAction,
        namedContactName: users.name,
        sortKey,
        openTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.patientId} = ${patients.id} and ${tasks.status} in ('open', 'in_progress'))`,
        // Overdue work is flagged here the moment it is late; the named contact is also notified once (escalateOverdueTasks).
        overdueTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.patientId} = ${patients.id} and ${tasks.status} in ('open', 'in_progress') and ${tasks.dueAt} < ${now})`,
      })
      .from(patients)
      .leftJoin(users, eq(patients.namedContactUserId, users.id))
      // The key bound as well as the row value: SQLite seeks an expression's index range only by a plain
      // comparison, so without it a late page of a team of 10,000 would read every earlier row again.
      .where(
        and(
          scope,
          eq(patients.status, 'active'),
          cursor ? and(gte(sortKey, cursor.key), afterCursor(sortKey, patients.id, cursor, 'asc')) : undefined,
        ),
      )
      .orderBy(asc(sortKey), asc(patients.id))
      .limit(count)
      .all();
  const page = await policyPage(db, actor, {
    list: `caseload:${input.scope}:${input.sort}`,
    field: 'cursor',
    cursor: input.cursor,
    limit: CASELOAD_PAGE_SIZE,
    now,
    fetch: async (after, count) => await fetch(after && { key: Number(after.key), id: after.id }, count),
    keyOf: (r) => r.sortKey,
    permission: 'patient.read',
  });
  const visible = page.items.map(({ sortKey: _key, ...row }) => row);
  return { rows: visible, nextCursor: page.nextCursor };
}
