import { z } from 'zod';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { filterAccessible } from '../access/filter-accessible';
import { selectTasks } from './task-columns';
import { UNFINISHED } from './task-fields';

export const TASK_VIEWS = ['mine', 'team', 'overdue', 'done'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const ListTasksSchema = z.object({
  view: z.enum(TASK_VIEWS, { error: 'Choose which tasks: mine, my team’s queue, overdue or done recently' }).default('mine'),
  /** How many to return at most (a home page shows a few, and sees and audits no more than those). */
  first: z.coerce.number().int().min(1).max(200).optional(),
});
export type ListTasksInput = z.infer<typeof ListTasksSchema>;

export const TASK_LIST_LIMIT = 200;
const RECENT_DAYS = 14;

// Soonest due first; tasks with no due time yet (a follow-up before the person is home) last.
const dueFirst = [asc(sql`coalesce(${tasks.dueAt}, 9007199254740991)`), asc(tasks.id)];

/**
 * The task worklist: mine, my team's queue (waiting for someone to pick up), what is overdue for me
 * or my team, and what I finished in the last two weeks. Every row passes the access policy.
 */
export function listTasks(db: Db, actor: Actor, input: ListTasksInput, now = Date.now()) {
  const limit = input.first ?? TASK_LIST_LIMIT;
  const mine = eq(tasks.assigneeUserId, actor.userId);
  const teamQueue = and(eq(tasks.assigneeOrganisationId, actor.organisationId ?? ''), isNull(tasks.assigneeUserId));
  const unfinished = inArray(tasks.status, UNFINISHED);
  const query = selectTasks(db);
  const rows = (() => {
    switch (input.view) {
      case 'mine':
        return query.where(and(mine, unfinished)).orderBy(...dueFirst);
      case 'team':
        return query.where(and(teamQueue, unfinished)).orderBy(...dueFirst);
      case 'overdue':
        return query.where(and(or(mine, teamQueue), unfinished, isNotNull(tasks.dueAt), lt(tasks.dueAt, now))).orderBy(...dueFirst);
      case 'done':
        return query
          .where(
            and(
              eq(tasks.completedByUserId, actor.userId),
              eq(tasks.status, 'done'),
              gte(tasks.completedAt, now - RECENT_DAYS * 86_400_000),
            ),
          )
          .orderBy(desc(tasks.completedAt), desc(tasks.id));
    }
  })()
    .limit(limit + 1)
    .all();
  const visible = filterAccessible(db, actor, rows.slice(0, limit), 'task.work', { patientIdOf: (r) => r.patientId });
  actor.access?.audit?.people([...new Set(visible.map((r) => r.patientId))]);
  return { rows: visible, truncated: rows.length > limit };
}
