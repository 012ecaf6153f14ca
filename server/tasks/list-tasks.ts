import { z } from 'zod';
import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { isUnfinishedTask, organisations, patients, taskDueKey, tasks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { afterCursor } from '../keyset';
import { policyPage, SealedCursorSchema } from '../policy-page';

export const TASK_VIEWS = ['mine', 'team', 'overdue', 'done'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const ListTasksSchema = z.object({
  view: z.enum(TASK_VIEWS, { error: 'Choose which tasks: mine, my team’s queue, overdue or done recently' }).default('mine'),
  /** Sealed by the server (server/policy-page.ts). */
  cursor: SealedCursorSchema.optional(),
  /** How many to return at most (a home page shows a few, and sees and audits no more than those). */
  first: z.coerce.number().int().min(1).max(50).optional(),
});
export type ListTasksInput = z.infer<typeof ListTasksSchema>;

/** A page of a task list: a worker's queue can hold hundreds of tasks. */
export const TASK_PAGE_SIZE = 25;
const RECENT_DAYS = 14;

const dueKey = taskDueKey(tasks.dueAt);
const assignee = alias(users, 'assignee');
const team = alias(organisations, 'team');

/** What a task list shows of each task (and no more: a page carries only what it shows), with its sort key. */
function selectListed(db: Db, sortKey: SQL<number>) {
  return db
    .select({
      id: tasks.id,
      patientId: tasks.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      title: tasks.title,
      status: tasks.status,
      priority: tasks.priority,
      dueAt: tasks.dueAt,
      isFollowUp: tasks.isFollowUp,
      completedAt: tasks.completedAt,
      assigneeUserId: tasks.assigneeUserId,
      assigneeName: assignee.name,
      teamName: team.name,
      sortKey,
    })
    .from(tasks)
    .innerJoin(patients, eq(tasks.patientId, patients.id))
    .leftJoin(assignee, eq(tasks.assigneeUserId, assignee.id))
    .innerJoin(team, eq(tasks.assigneeOrganisationId, team.id));
}
type Keyed = Awaited<ReturnType<ReturnType<typeof selectListed>['all']>>[number];

/**
 * The task worklist: mine, my team's queue (waiting for someone to pick up), what is overdue for me
 * or my team, and what I finished in the last two weeks. Paged by keyset on the list's order (soonest
 * due first; done: latest first), each list an index range read (db/schema/tasks.ts). Every row
 * passes the access policy; those it refuses are left out and the refusal recorded (server/policy-page.ts).
 */
export async function listTasks(db: Db, actor: Actor, input: ListTasksInput, now = Date.now()) {
  const limit = input.first ?? TASK_PAGE_SIZE;
  const mine = eq(tasks.assigneeUserId, actor.userId);
  const teamQueue = and(eq(tasks.assigneeOrganisationId, actor.organisationId ?? ''), isNull(tasks.assigneeUserId));
  const unfinished = isUnfinishedTask(tasks.status);
  const fetch = async (cursor: { key: number; id: string } | null, count: number): Promise<Keyed[]> => {
    const byDue = async (where: SQL | undefined): Promise<Keyed[]> =>
      await selectListed(db, dueKey)
        // The key bound as well as the row value: SQLite seeks an expression's index range only by a
        // plain comparison, so without it page 20 would read pages 1 to 19 again.
        .where(and(where, unfinished, cursor ? and(gte(dueKey, cursor.key), afterCursor(dueKey, tasks.id, cursor, 'asc')) : undefined))
        .orderBy(asc(dueKey), asc(tasks.id))
        .limit(count)
        .all();
    switch (input.view) {
      case 'mine':
        return await byDue(mine);
      case 'team':
        return await byDue(teamQueue);
      case 'overdue': {
        // Mine and my team's queue (never both: a queued task has no assignee) are two index
        // ranges: a page of each, merged in the same order.
        // (A task with no due time has the largest key, so "key before now" is "due and late".)
        const late = lt(dueKey, now);
        return [...(await byDue(and(mine, late))), ...(await byDue(and(teamQueue, late)))]
          .sort((a, b) => a.sortKey - b.sortKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, count);
      }
      case 'done':
        return await selectListed(db, sql<number>`${tasks.completedAt}`)
          .where(
            and(
              eq(tasks.completedByUserId, actor.userId),
              eq(tasks.status, 'done'),
              gte(tasks.completedAt, now - RECENT_DAYS * 86_400_000),
              cursor ? afterCursor(tasks.completedAt, tasks.id, cursor, 'desc') : undefined,
            ),
          )
          .orderBy(desc(tasks.completedAt), desc(tasks.id))
          .limit(count)
          .all();
    }
  };
  const page = await policyPage(db, actor, {
    list: `tasks:${input.view}`,
    field: 'cursor',
    cursor: input.cursor,
    limit,
    now,
    fetch: async (after, count) => await fetch(after && { key: Number(after.key), id: after.id }, count),
    keyOf: (r) => r.sortKey,
    permission: 'task.work',
    patientIdOf: (r) => r.patientId,
  });
  const visible = page.items.map(({ sortKey: _key, ...row }) => row);
  return { rows: visible, nextCursor: page.nextCursor };
}
