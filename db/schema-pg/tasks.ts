import { sql } from 'drizzle-orm';
import { pgTable, text, bigint, integer, boolean, index, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { TASK_ORIGINS, TASK_PRIORITIES, TASK_STATUSES } from '../schema/tasks';
import { discharges } from './discharges';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

export { TASK_ORIGINS, TASK_PRIORITIES, TASK_STATUSES, type TaskOrigin, type TaskPriority, type TaskStatus } from '../schema/tasks';

/** As in db/schema/tasks.ts (same SQL): work still to do, written out for the partial indexes. */
export const isUnfinishedTask = (status: AnyPgColumn) => sql`${status} in ('open', 'in_progress')`;

/** As in db/schema/tasks.ts (same SQL and values): 99999999999999 is an int8 literal on PostgreSQL. */
export const taskDueKey = (dueAt: AnyPgColumn) => sql<number>`(case when ${dueAt} is null then 99999999999999 else ${dueAt} end)`;

/** PostgreSQL twin of db/schema/tasks.ts. */
export const tasks = pgTable(
  'tasks',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    title: text().notNull(),
    details: text().notNull().default(''),
    assigneeUserId: text().references(() => users.id),
    assigneeOrganisationId: text()
      .notNull()
      .references(() => organisations.id),
    dueAt: bigint({ mode: 'number' }),
    priority: text({ enum: TASK_PRIORITIES }).notNull().default('normal'),
    status: text({ enum: TASK_STATUSES }).notNull().default('open'),
    origin: text({ enum: TASK_ORIGINS }).notNull(),
    dischargeId: text().references(() => discharges.id),
    mdtDiscussionId: text(),
    isFollowUp: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    outcome: text(),
    completedAt: bigint({ mode: 'number' }),
    completedByUserId: text().references(() => users.id),
    escalatedAt: bigint({ mode: 'number' }),
    createdByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('tasks_assignee_user_idx').on(t.assigneeUserId, t.status, t.dueAt),
    index('tasks_assignee_org_idx').on(t.assigneeOrganisationId, t.status, t.dueAt),
    index('tasks_patient_idx').on(t.patientId, t.status, t.dueAt),
    index('tasks_discharge_idx').on(t.dischargeId, t.position),
    index('tasks_mdt_idx').on(t.mdtDiscussionId),
    index('tasks_escalation_idx').on(t.escalatedAt, t.dueAt),
    index('tasks_completed_by_idx').on(t.completedByUserId, t.completedAt, t.id),
    index('tasks_mine_due_idx').on(t.assigneeUserId, taskDueKey(t.dueAt), t.id).where(isUnfinishedTask(t.status)),
    index('tasks_team_queue_due_idx')
      .on(t.assigneeOrganisationId, taskDueKey(t.dueAt), t.id)
      .where(sql`${isUnfinishedTask(t.status)} and ${t.assigneeUserId} is null`),
  ],
);
