import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, tasks, timelineEvents } from '../../db/schema';
import type pg from 'pg';
import type { Db } from '../../db/client';
import { poolOf } from '../../db/pg-client';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts, tableChecksums } from '../../test/world';
import { escalateOverdueTasks } from './escalate-overdue-tasks';
import { insertTask } from './insert-task';
import { listTasks } from './list-tasks';
import { listCaseload } from '../patients/list-caseload';
import { sealCursor } from '../sealed-cursor';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const HOUR = 3_600_000;
const task = async (id: string) => (await db.select().from(tasks).where(eq(tasks.id, id)).get())!;

/** A task in the navigator team's queue for Margaret, as if from a checklist, due at `dueAt`. */
async function queued(dueAt: number | null = Date.now() + 24 * HOUR, title = 'Medication ready') {
  return await db.transaction(
    async (tx) =>
      await insertTask(tx, w.navigator.actor, {
        patientId: w.patient.id,
        title,
        assigneeOrganisationId: w.orgs.navTeam.id,
        dueAt,
        origin: 'discharge',
      }),
  );
}

describe('the team queue', () => {
  it('picking a task up assigns it to me, once; another team cannot take it', async () => {
    const id = await queued();
    expect((await w.navigator.caller.tasks.list({ view: 'team' })).rows.map((r) => r.id)).toEqual([id]);
    await w.navigator.caller.tasks.pickUp({ taskId: id });
    expect((await task(id)).assigneeUserId).toBe(w.navigator.row.id);
    expect((await w.navigator.caller.tasks.list({ view: 'mine' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await w.navigator.caller.tasks.list({ view: 'team' })).rows).toEqual([]);
    const again = await failure(w.navigator2.caller.tasks.pickUp({ taskId: id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('Nadia Navigator already has this task.');

    const other = await queued();
    const socialWorker = await failure(w.socialWorker.caller.tasks.pickUp({ taskId: other }));
    expect(socialWorker.code).toBe('FORBIDDEN');
    expect((await task(other)).assigneeUserId).toBeNull();
    const event = (await db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.kind, 'task_assigned'), eq(timelineEvents.subjectId, id)))
      .get())!;
    expect(event.summary).toBe('Task picked up by Nadia Navigator: Medication ready');
  });

  it('start, done and cancel follow the rules, each on the timeline', async () => {
    const id = await queued();
    await w.navigator.caller.tasks.start({ taskId: id });
    expect(await task(id)).toMatchObject({ status: 'in_progress', assigneeUserId: w.navigator.row.id });
    // A teammate can cover and finish it.
    await w.navigator2.caller.tasks.complete({ taskId: id, outcome: 'Blister pack collected' });
    expect(await task(id)).toMatchObject({ status: 'done', outcome: 'Blister pack collected', completedByUserId: w.navigator2.row.id });
    const twice = await failure(w.navigator.caller.tasks.complete({ taskId: id, outcome: '' }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already done/);
    expect((await w.navigator2.caller.tasks.list({ view: 'done' })).rows.map((r) => r.id)).toEqual([id]);

    const other = await queued();
    const before = await rowCounts(db);
    const noReason = await failure(w.navigator.caller.tasks.cancel({ taskId: other, reason: '' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.message).toMatch(/reason: Enter why this task is no longer needed/);
    expect(await rowCounts(db)).toEqual(before);
    await w.navigator.caller.tasks.cancel({ taskId: other, reason: 'Pharmacy delivered already' });
    expect((await task(other)).status).toBe('cancelled');
    const kinds = (await db.select({ kind: timelineEvents.kind }).from(timelineEvents).all()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['task_created', 'task_started', 'task_done', 'task_cancelled']));
  });

  it('a person’s tasks are only for those who may see the person', async () => {
    const id = await queued();
    expect((await failure(w.otherGp.caller.tasks.get({ taskId: id }))).code).toBe('FORBIDDEN');
    expect((await failure(w.otherGp.caller.tasks.complete({ taskId: id, outcome: '' }))).code).toBe('FORBIDDEN');
    expect((await failure(w.carer.caller.tasks.list({ view: 'mine' }))).code).toBe('FORBIDDEN');
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied.map((d) => d.action).sort()).toEqual(['tasks.complete', 'tasks.get']);
  });
});

describe('adding a task by hand', () => {
  it('goes to someone already involved, or a team queue, and tells the assignee', async () => {
    const choices = await w.navigator.caller.tasks.assignees({ patientId: w.patient.id });
    expect(choices.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Me (Nadia Navigator)', 'Social S (Social care)', 'Nav team: team queue', 'Housing: team queue']),
    );
    const { id } = await w.navigator.caller.tasks.create({
      patientId: w.patient.id,
      title: 'Book benefits check',
      assignee: `user:${w.socialWorker.row.id}`,
      dueDate: '2099-01-31',
      priority: 'high',
    } as never);
    expect(await task(id)).toMatchObject({
      origin: 'manual',
      assigneeUserId: w.socialWorker.row.id,
      assigneeOrganisationId: w.orgs.socialCare.id,
      priority: 'high',
    });
    // Due by the end of the working day in England.
    expect(new Date((await task(id)).dueAt!).toISOString()).toBe('2099-01-31T17:00:00.000Z');
    const told = await db.select().from(notifications).where(eq(notifications.userId, w.socialWorker.row.id)).all();
    expect(told.map((n) => n.title)).toEqual(['Nadia Navigator gave you a task: Book benefits check']);
  });

  it('refuses a stranger as assignee, a past due date and bad fields, writing nothing', async () => {
    const before = await rowCounts(db);
    const stranger = await failure(
      w.navigator.caller.tasks.create({ patientId: w.patient.id, title: 'X', assignee: `user:${w.otherGp.row.id}` }),
    );
    expect(stranger.code).toBe('BAD_REQUEST');
    expect(stranger.message).toMatch(/assignee: Choose someone already involved/);
    const past = await failure(
      w.navigator.caller.tasks.create({
        patientId: w.patient.id,
        title: 'X',
        assignee: `user:${w.navigator.row.id}`,
        dueDate: '2020-01-01',
      }),
    );
    expect(past.message).toMatch(/dueDate: Due date must be today or in the future/);
    const bad = await failure(
      w.navigator.caller.tasks.create({
        patientId: w.patient.id,
        title: '',
        assignee: '',
        dueDate: '2026-02-30',
        priority: 'urgent',
      } as never),
    );
    for (const field of ['title', 'assignee', 'dueDate', 'priority']) expect(bad.message).toContain(`${field}:`);
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('escalation of overdue work', () => {
  it('flags it on the named contact’s caseload and notifies them exactly once', async () => {
    const id = await queued(Date.now() - 10 * 60_000);
    await queued(Date.now() + HOUR, 'Not due yet');
    const [row] = (await w.navigator.caller.patients.caseload({ scope: 'mine', sort: 'risk' })).rows;
    expect(row).toMatchObject({ openTasks: 2, overdueTasks: 1 });
    expect((await w.navigator.caller.tasks.list({ view: 'overdue' })).rows.map((r) => r.id)).toEqual([id]);

    expect(await escalateOverdueTasks(db)).toEqual({ escalated: 1 });
    expect(await escalateOverdueTasks(db)).toEqual({ escalated: 0 });
    expect(await escalateOverdueTasks(db, Date.now() + 60_000)).toEqual({ escalated: 0 });
    expect((await task(id)).escalatedAt).not.toBeNull();
    const told = await db.select().from(notifications).where(eq(notifications.kind, 'task_escalated')).all();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      userId: w.navigator.row.id,
      title: 'Overdue for Margaret Thompson: Medication ready',
      link: `/tasks/${id}`,
    });
    const events = await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'task_escalated')).all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: '00000000-0000-4000-8000-000000000001',
      sector: 'primary',
      organisationId: w.orgs.navTeam.id,
    });
  });

  it('finished tasks and tasks with no due time are never escalated', async () => {
    await queued(null);
    const done = await queued(Date.now() - HOUR);
    await db.update(tasks).set({ status: 'done' }).where(eq(tasks.id, done)).run();
    expect(await escalateOverdueTasks(db)).toEqual({ escalated: 0 });
  });
});

describe('notifications', () => {
  it('each user reads and marks only their own', async () => {
    await queued(Date.now() - HOUR);
    await escalateOverdueTasks(db);
    const inbox = await w.navigator.caller.notifications.list({});
    expect(inbox.unread).toBe(1);
    const notificationId = inbox.items[0]!.id;
    expect((await failure(w.navigator2.caller.notifications.markRead({ notificationId }))).code).toBe('NOT_FOUND');
    expect(await w.navigator2.caller.notifications.unreadCount()).toBe(0);
    await w.navigator.caller.notifications.markRead({ notificationId });
    expect(await w.navigator.caller.notifications.unreadCount()).toBe(0);
    expect((await w.navigator.caller.notifications.list({})).items[0]!.readAt).not.toBeNull();
  });
});

describe('cancelling follows the same ownership rule as done (pen test #16, finding 6)', () => {
  it('a care-team member of another team cannot cancel the navigation team’s task; nothing changes, and the refusal is audited', async () => {
    const id = await queued();
    const before = await tableChecksums(db);
    const refused = await failure(w.socialWorker.caller.tasks.cancel({ taskId: id, reason: 'Not needed' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Only the person who has this task, or their team, can change it.');
    expect(await tableChecksums(db)).toEqual(before);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.socialWorker.row.id), eq(auditLog.action, 'tasks.cancel'), eq(auditLog.outcome, 'failed')))
      .all();
    expect(audit).toHaveLength(1);
  });

  it('a colleague in the owner’s team may cancel it, and the owner is told without the person’s details', async () => {
    const id = await queued(Date.now() + 24 * HOUR, 'Keys and access sorted');
    await w.navigator.caller.tasks.pickUp({ taskId: id });
    await w.navigator2.caller.tasks.cancel({ taskId: id, reason: 'Daughter has the keys now' });
    expect(await task(id)).toMatchObject({ status: 'cancelled', completedByUserId: w.navigator2.row.id });
    const told = await db.select().from(notifications).where(eq(notifications.userId, w.navigator.row.id)).all();
    expect(told.map((n) => ({ kind: n.kind, title: n.title, body: n.body, link: n.link }))).toEqual([
      { kind: 'task_cancelled', title: 'Sam Navigator cancelled your task: Keys and access sorted', body: '', link: `/tasks/${id}` },
    ]);
    expect(JSON.stringify(told)).not.toMatch(/Margaret|Thompson|Daughter/);
  });
});

describe('the task lists, a page at a time', () => {
  /** Every task of a view, page after page of `first`, as ids in the order shown. */
  async function allPages(view: 'mine' | 'team' | 'overdue' | 'done', first: number) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { rows: { id: string }[]; nextCursor: string | null } = await w.navigator.caller.tasks.list({
        view,
        first,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.rows.length).toBeLessThanOrEqual(first);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return seen;
  }

  it('pages by keyset: every task exactly once, soonest due first (no due time last), ties by id', async () => {
    const now = Date.now();
    const due = [now - 5 * HOUR, now - 5 * HOUR, now - HOUR, null, now + HOUR, now + HOUR, now + 3 * HOUR, null, now - 2 * HOUR];
    const made: { id: string; dueAt: number | null }[] = [];
    for (const [i, dueAt] of due.entries()) made.push({ id: await queued(dueAt, `Task ${i}`), dueAt });
    // Some are mine, the rest wait in the team queue; one of mine is finished and leaves both lists.
    const mine = made.filter((_t, i) => i % 2 === 0);
    for (const t of mine) await w.navigator.caller.tasks.pickUp({ taskId: t.id });
    const finished = mine.at(-1)!;
    await w.navigator.caller.tasks.complete({ taskId: finished.id, outcome: 'Done' });

    const order = (list: { id: string; dueAt: number | null }[]) =>
      [...list].sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((t) => t.id);
    const myOpen = mine.filter((t) => t !== finished);
    const queue = made.filter((t) => !mine.includes(t));
    for (const first of [1, 2, 3]) {
      expect(await allPages('mine', first)).toEqual(order(myOpen));
      expect(await allPages('team', first)).toEqual(order(queue));
      // Overdue merges mine and the queue into one order.
      expect(await allPages('overdue', first)).toEqual(order([...myOpen, ...queue].filter((t) => t.dueAt !== null && t.dueAt < now)));
    }
    expect(await allPages('done', 1)).toEqual([finished.id]);
    // The first page of a list says there is more, and a page of a list without more does not.
    const firstPage = await w.navigator.caller.tasks.list({ view: 'team', first: 2 });
    expect(firstPage.nextCursor).not.toBeNull();
    expect((await w.navigator.caller.tasks.list({ view: 'team' })).nextCursor).toBeNull();
    // A cursor not made by the list is refused at its field.
    expect((await failure(w.navigator.caller.tasks.list({ view: 'mine', cursor: 'not-a-cursor' }))).code).toBe('BAD_REQUEST');
  });
});

describe('a later page of a list', () => {
  /** SQLite: the query plans of the statements `run` prepares that read `table`. */
  async function sqlitePlansOf(table: string, run: () => Promise<unknown>): Promise<string[]> {
    const sqlite = db.$client;
    const prepare = sqlite.prepare;
    const plans: string[] = [];
    sqlite.prepare = ((source: string) => {
      const statement = prepare.call(sqlite, source);
      if (!source.startsWith('select') || !source.includes(`from "${table}"`)) return statement;
      const all = statement.all.bind(statement) as (...params: unknown[]) => unknown[];
      return Object.assign(statement, {
        all: (...params: unknown[]) => {
          const explain = prepare.call(sqlite, `explain query plan ${source}`);
          const plan = (explain.all as (...params: unknown[]) => { detail: string }[])(...params);
          plans.push(plan.map((p) => p.detail).join(' | '));
          return all(...params);
        },
      });
    }) as typeof sqlite.prepare;
    try {
      await run();
    } finally {
      sqlite.prepare = prepare;
    }
    return plans;
  }

  /**
   * PostgreSQL: the plans of the statements `run` sends that read `table`, with sequential scans
   * off. On a table of a few rows PostgreSQL rightly reads the whole table, so what is asked here
   * is whether the index can serve the query as a seek, as it would on a large table.
   */
  async function pgPlansOf(table: string, run: () => Promise<unknown>): Promise<string[]> {
    const pool = poolOf(db);
    const query = pool.query;
    const sent: { text: string; values?: unknown[] }[] = [];
    pool.query = function (this: pg.Pool, ...args: unknown[]) {
      // drizzle sends `{ text, … }` with the values as the second argument.
      const config = args[0] as { text?: string; values?: unknown[] };
      if (typeof config === 'object' && config.text?.startsWith('select') && config.text.includes(`from "${table}"`))
        sent.push({ text: config.text, values: config.values ?? (args[1] as unknown[] | undefined) });
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pool.query;
    try {
      await run();
    } finally {
      pool.query = query;
    }
    const client = await pool.connect();
    try {
      const plans: string[] = [];
      for (const { text, values } of sent) {
        await client.query('begin');
        try {
          await client.query('set local enable_seqscan = off');
          const plan = await client.query<{ 'QUERY PLAN': string }>(`explain ${text}`, values);
          plans.push(plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' | '));
        } finally {
          await client.query('rollback');
        }
      }
      return plans;
    } finally {
      client.release();
    }
  }

  const plansOf = (table: string, run: () => Promise<unknown>) =>
    db.$engine === 'postgres' ? pgPlansOf(table, run) : sqlitePlansOf(table, run);

  it('is read from where the last page ended in the index (a seek), for tasks and the caseload alike', async () => {
    for (let i = 0; i < 4; i++) await queued(Date.now() + i * HOUR, `Task ${i}`);
    const first = await w.navigator.caller.tasks.list({ view: 'team', first: 2 });
    const cursor = first.nextCursor!;
    const taskPlans = await plansOf('tasks', async () => await listTasks(db, w.navigator.actor, { view: 'team', cursor }));
    expect(taskPlans.join('\n')).toMatch(
      db.$engine === 'postgres'
        ? /Index Scan using tasks_team_queue_due_idx on tasks [^|]*\| Index Cond: \(\(assignee_organisation_id = [^|]*\) > ROW\(/
        : /tasks_team_queue_due_idx \(assignee_organisation_id=\? AND <expr>>\?\)/,
    );

    const caseload = await w.navigator.caller.patients.caseload({ scope: 'team', sort: 'risk' });
    const last = caseload.rows.at(-1)!;
    const caseloadPlans = await plansOf(
      'patients',
      async () =>
        await listCaseload(db, w.navigator.actor, {
          scope: 'team',
          sort: 'risk',
          // The cursor a page ending at `last` (sort key 0) would give (server/policy-page.ts).
          cursor: sealCursor({ l: 'caseload:team:risk', u: w.navigator.actor.userId, k: 0, i: last.id, t: Date.now() }),
        }),
    );
    expect(caseloadPlans.join('\n')).toMatch(
      db.$engine === 'postgres'
        ? /Index Scan using patients_team_by_risk_idx on patients [^|]*\| Index Cond: \(\(caseload_organisation_id = [^|]*\) AND \(status = [^|]*\) > ROW\(/
        : /patients_team_by_risk_idx \(caseload_organisation_id=\? AND status=\? AND <expr>>\?\)/,
    );
  });
});
