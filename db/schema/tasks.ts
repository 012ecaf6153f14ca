import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { discharges } from './discharges';
import { organisations } from './organisations';
import { patients } from './patients';
import { users } from './users';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_ORIGINS = ['discharge', 'manual', 'referral', 'mdt'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];

/** Work still to do (open or in progress): written out, so the task lists' partial indexes serve it. */
export const isUnfinishedTask = (status: AnySQLiteColumn) => sql`${status} in ('open', 'in_progress')`;

/**
 * The task lists' sort key: the due time, soonest first; tasks with no due time yet (a follow-up
 * before the person is home) last. 14 digits, so it fits a keyset cursor.
 */
export const taskDueKey = (dueAt: AnySQLiteColumn) => sql<number>`(case when ${dueAt} is null then 99999999999999 else ${dueAt} end)`;

/** A piece of work about one person, for a user or for an organisation's team queue. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    title: text().notNull(),
    details: text().notNull().default(''),
    /** The user doing it; null while it waits in the team queue. */
    assigneeUserId: text().references(() => users.id),
    /** The team whose queue it is in (always set: a picked-up task stays with its team). */
    assigneeOrganisationId: text()
      .notNull()
      .references(() => organisations.id),
    /** Null until known (the follow-up contact is due only once the person is home). */
    dueAt: integer(),
    priority: text({ enum: TASK_PRIORITIES }).notNull().default('normal'),
    status: text({ enum: TASK_STATUSES }).notNull().default('open'),
    origin: text({ enum: TASK_ORIGINS }).notNull(),
    dischargeId: text().references(() => discharges.id),
    /** For actions agreed at an MDT meeting: the discussion they came from. */
    mdtDiscussionId: text(),
    /** The follow-up contact after a discharge: done needs an outcome. */
    isFollowUp: integer({ mode: 'boolean' }).notNull().default(false),
    position: integer().notNull().default(0),
    outcome: text(),
    completedAt: integer(),
    completedByUserId: text().references(() => users.id),
    /** Set once, when the overdue task was escalated to the person's named contact. */
    escalatedAt: integer(),
    createdByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    index('tasks_assignee_user_idx').on(t.assigneeUserId, t.status, t.dueAt),
    index('tasks_assignee_org_idx').on(t.assigneeOrganisationId, t.status, t.dueAt),
    // With the due time, the caseload's open and overdue counts are read from the index alone.
    index('tasks_patient_idx').on(t.patientId, t.status, t.dueAt),
    index('tasks_discharge_idx').on(t.dischargeId, t.position),
    index('tasks_mdt_idx').on(t.mdtDiscussionId),
    // Serves the escalation sweep: open work past its due time, not yet escalated.
    index('tasks_escalation_idx').on(t.escalatedAt, t.dueAt),
    // The task lists, each an index range read in its order, a page at a time (server/tasks/list-tasks.ts).
    index('tasks_completed_by_idx').on(t.completedByUserId, t.completedAt, t.id),
    index('tasks_mine_due_idx').on(t.assigneeUserId, taskDueKey(t.dueAt), t.id).where(isUnfinishedTask(t.status)),
    index('tasks_team_queue_due_idx')
      .on(t.assigneeOrganisationId, taskDueKey(t.dueAt), t.id)
      .where(sql`${isUnfinishedTask(t.status)} and ${t.assigneeUserId} is null`),
  ],
);
