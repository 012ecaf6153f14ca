import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, discharges, referrals, services, tasks } from '../db/schema';
import {
  dischargeRow,
  insertConsent,
  insertOrganisation,
  insertPatient,
  insertUser,
  referralRow,
  serviceRow,
  taskRow,
} from '../db/factories';
import type { Actor } from './access/actor';
import { createCaller } from './trpc/app-router';
import { testDb } from '../test/db';
import { failure, makeWorld, rowCounts } from '../test/world';
import { Invalid } from './errors';
import { mdtWorklist } from './mdt/mdt-worklist';
import { CURSOR_LIFETIME_MS, PAGE_BATCHES, WITHHELD_FROM_LIST } from './policy-page';
import { listAccessLog, listCarerAccessLog } from './audit/list-access-log';
import { openCursor, sealCursor } from './sealed-cursor';

/**
 * #18 security review: the caseload, task, discharge and referral lists (and the MDT worklist) page
 * with a sealed cursor made from rows the user may see, reach every row they may see exactly once
 * however many rows they may not, and record each refusal, as the MDT worklist does.
 */

const D = 86_400_000;
const base = Date.now() - 200 * D;
let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
let vic: { actor: Actor; caller: ReturnType<typeof createCaller> };
let team: { id: string };

/** A voluntary-sector navigator team: it sees only the people who agreed to share with voluntary services. */
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
  team = await insertOrganisation(db, { name: 'Age UK navigators', kind: 'voluntary' });
  const row = await insertUser(db, { role: 'navigator', organisationId: team.id, name: 'Vic Voluntary' });
  const actor: Actor = { userId: row.id, name: 'Vic Voluntary', role: 'navigator', organisationId: team.id, sector: 'voluntary' };
  vic = { actor, caller: createCaller({ db, actor }) };
});

type Person = { id: string; visible: boolean; lastContactAt: number };

/**
 * People on the team's caseload in last-contact order, visible (V) or hidden (H) as `pattern` says:
 * a hidden person refused sharing with voluntary services.
 */
async function people(pattern: string): Promise<Person[]> {
  const made: Person[] = [];
  for (const [i, c] of [...pattern].entries()) {
    const lastContactAt = base + i * 60_000;
    const p = await insertPatient(db, {
      familyName: `${c}${i}`,
      riskLevel: 'high',
      registeredPracticeId: w.orgs.practice.id,
      caseloadOrganisationId: team.id,
      lastContactAt,
    });
    await insertConsent(db, {
      patientId: p.id,
      purpose: 'voluntary_services',
      decision: c === 'V' ? 'granted' : 'refused',
      recordedByUserId: w.navigator.row.id,
      decidedAt: Date.now() - D,
    });
    made.push({ id: p.id, visible: c === 'V', lastContactAt });
  }
  return made;
}

/** Every page of a list from the top: the ids shown, page by page, and the cursors given. */
async function pageAll(call: (cursor: string | undefined) => Promise<{ ids: string[]; nextCursor: string | null }>) {
  const pages: string[][] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(cursor);
    pages.push(page.ids);
    cursor = page.nextCursor ?? undefined;
    if (cursor) cursors.push(cursor);
  } while (cursor && pages.length < 100);
  return { ids: pages.flat(), pages, cursors };
}

/** Forms in which a value could be read out of a cursor. */
function readableForms(value: string): string[] {
  return [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    Buffer.from(value).toString('base64').replace(/=+$/, ''),
    Buffer.from(value).toString('hex'),
  ];
}

/** Nothing of the hidden rows (their ids, their sort keys) can be read in any cursor, nor in its bytes. */
function expectNothingReadable(cursors: string[], secrets: string[]) {
  expect(cursors.length).toBeGreaterThan(0);
  for (const cursor of cursors) {
    const bytes = Buffer.from(cursor, 'base64url');
    for (const secret of secrets) {
      for (const form of readableForms(secret)) expect(cursor).not.toContain(form);
      expect(bytes.toString('latin1')).not.toContain(secret);
      expect(bytes.toString('utf8')).not.toContain(secret);
    }
    // Sealed: not even the shape of the JSON inside shows through.
    expect(bytes.toString('latin1')).not.toMatch(/"[a-z]":/);
  }
}

/** Which rows the cursors point at (the test holds the server's key, as the server does). */
const pointedAt = (cursors: string[]) => cursors.map((c) => openCursor(c)?.i as string);

async function refusalsAndGrants(action: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.action, action)).all();
  const count = (outcome: string) => {
    const n = new Map<string, number>();
    for (const r of rows.filter((r) => r.outcome === outcome && r.patientId)) n.set(r.patientId!, (n.get(r.patientId!) ?? 0) + 1);
    return n;
  };
  return { denied: count('denied'), granted: count('granted'), rows };
}

/** Every hidden person the list passed is recorded as refused, once. */
async function expectEachHiddenRefusedOnce(action: string, made: Person[]) {
  const { denied } = await refusalsAndGrants(action);
  expect([...denied.keys()].sort()).toEqual(
    made
      .filter((p) => !p.visible)
      .map((p) => p.id)
      .sort(),
  );
  expect([...denied.values()].every((n) => n === 1)).toBe(true);
}

describe('list cursors are made from rows the user may see, and sealed (#18 review)', () => {
  it('the caseload reaches every person it may show exactly once across runs of hidden people, and no cursor tells of them', async () => {
    // Hidden people between pages, a run longer than a page can read past (PAGE_BATCHES reads, each
    // at most PAGE_BATCHES pages' worth), and hidden people at the end.
    const pattern = 'V'.repeat(24) + 'HHV' + 'VH'.repeat(10) + 'H'.repeat(PAGE_BATCHES * PAGE_BATCHES * 26 + 5) + 'VVV' + 'HHHH';
    const made = await people(pattern);
    const visible = made.filter((p) => p.visible);
    const hidden = made.filter((p) => !p.visible);
    const all = await pageAll(async (cursor) => {
      const page = await vic.caller.patients.caseload({ scope: 'team', sort: 'lastContact', cursor });
      return { ids: page.rows.map((r) => r.id), nextCursor: page.nextCursor };
    });
    expect(all.ids).toEqual(visible.map((p) => p.id));
    for (const page of all.pages) expect(page.length).toBeLessThanOrEqual(25);

    // The sort key of a row is last contact × 3 + risk rank (0: high), as db/schema/patients.ts keeps it.
    expectNothingReadable(all.cursors, [
      ...hidden.flatMap((p) => [p.id, String(p.lastContactAt * 3), String(p.lastContactAt)]),
      ...visible.flatMap((p) => [p.id, String(p.lastContactAt * 3)]),
    ]);
    // A cursor points at the last person shown; only where a page read its fill of hidden people and
    // found no one to show after them does it point (sealed) at the last one read, to move past them.
    const at = pointedAt(all.cursors);
    const hiddenIds = new Set(hidden.map((p) => p.id));
    expect(at.filter((id) => hiddenIds.has(id))).toHaveLength(1);
    for (const [i, page] of all.pages.entries()) {
      const cursor = at[i];
      if (cursor && page.length === 25) expect(cursor).toBe(page.at(-1));
    }

    // Each refusal is recorded once, on the page that passed it; each person shown once.
    const { denied, granted } = await refusalsAndGrants('patients.caseload');
    expect([...denied.keys()].sort()).toEqual(hidden.map((p) => p.id).sort());
    expect([...denied.values()].every((n) => n === 1)).toBe(true);
    expect([...granted.keys()].sort()).toEqual(visible.map((p) => p.id).sort());
    // Recorded as withheld from the list (with the policy's rule as the reason), and left out of the
    // person's "who has seen this record": nobody tried to open them.
    const rules = await db
      .select({ rule: auditLog.rule, reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patients.caseload'), eq(auditLog.outcome, 'denied')))
      .all();
    expect(new Set(rules.map((r) => `${r.rule}/${r.reason}`))).toEqual(new Set([`${WITHHELD_FROM_LIST}/sharing_not_allowed`]));
    const log = await listAccessLog(db, { patientId: hidden[0]!.id });
    expect(log.items.filter((e) => e.outcome === 'denied')).toEqual([]);
    expect((await listCarerAccessLog(db, { patientId: hidden[0]!.id })).items.filter((e) => e.outcome === 'denied')).toEqual([]);
  });

  it('the task list pages past tasks about people it may not show, each task once', async () => {
    const made = await people('VHHVHHHHHHHHHHHHHHVVHVH');
    const taskOf = new Map<string, Person>();
    for (const [i, p] of made.entries()) {
      const row = taskRow({
        patientId: p.id,
        assigneeOrganisationId: team.id,
        createdByUserId: w.navigator.row.id,
        title: `Task ${i}`,
        dueAt: Date.now() + (i + 1) * 3_600_000,
      });
      await db.insert(tasks).values(row).run();
      taskOf.set(row.id, p);
    }
    const ordered = [...taskOf.entries()].sort((a, b) => a[1].lastContactAt - b[1].lastContactAt);
    const all = await pageAll(async (cursor) => {
      const page = await vic.caller.tasks.list({ view: 'team', first: 2, cursor });
      return { ids: page.rows.map((r) => r.id), nextCursor: page.nextCursor };
    });
    expect(all.ids).toEqual(ordered.filter(([, p]) => p.visible).map(([id]) => id));
    const hiddenTasks = ordered.filter(([, p]) => !p.visible);
    const dueKeys = (await db.select({ id: tasks.id, dueAt: tasks.dueAt }).from(tasks).all())
      .filter((t) => hiddenTasks.some(([id]) => id === t.id))
      .map((t) => String(t.dueAt));
    expectNothingReadable(all.cursors, [...hiddenTasks.flatMap(([id, p]) => [id, p.id]), ...dueKeys]);
    await expectEachHiddenRefusedOnce('tasks.list', made);
  });

  it('the discharge worklist pages past discharges of people it may not show, each once', async () => {
    const made = await people('HHHHHHHHHHVHVVHHHHHHHHHHHHHHHHHHV');
    const dischargeOf = new Map<string, Person>();
    for (const [i, p] of made.entries()) {
      const row = dischargeRow({
        patientId: p.id,
        flaggedByUserId: w.hospitalStaff.row.id,
        expectedDate: new Date(Date.UTC(2026, 2, 1) + i * D).toISOString().slice(0, 10),
      });
      await db.insert(discharges).values(row).run();
      dischargeOf.set(row.id, p);
    }
    const all = await pageAll(async (cursor) => {
      const page = await vic.caller.discharges.list({ status: 'all', first: 2, cursor });
      return { ids: page.items.map((r) => r.id), nextCursor: page.nextCursor };
    });
    const ordered = [...dischargeOf.entries()].sort((a, b) => a[1].lastContactAt - b[1].lastContactAt);
    expect(all.ids).toEqual(ordered.filter(([, p]) => p.visible).map(([id]) => id));
    const hiddenDischarges = ordered.filter(([, p]) => !p.visible).map(([id]) => id);
    const hiddenDates = (await db.select({ id: discharges.id, expectedDate: discharges.expectedDate }).from(discharges).all())
      .filter((d) => hiddenDischarges.includes(d.id))
      .map((d) => d.expectedDate);
    expectNothingReadable(all.cursors, [...hiddenDischarges, ...hiddenDates]);
    await expectEachHiddenRefusedOnce('discharges.list', made);
  });

  it('the referrals the team sent page past referrals about people it may not show, each once', async () => {
    const service = serviceRow({ category: 'adult_social_care', organisationId: w.orgs.socialCare.id });
    await db.insert(services).values(service).run();
    const made = await people('VVHVHHHHHHHHHHHHHVH');
    const referralOf = new Map<string, Person>();
    for (const [i, p] of made.entries()) {
      // Newest first: the last made is sent last.
      const row = referralRow({
        patientId: p.id,
        serviceId: service.id,
        toOrganisationId: w.orgs.socialCare.id,
        fromUserId: vic.actor.userId,
        fromOrganisationId: team.id,
        sentAt: base + i * 60_000,
      });
      await db.insert(referrals).values(row).run();
      referralOf.set(row.id, p);
    }
    const all = await pageAll(async (cursor) => {
      const page = await vic.caller.referrals.list({ view: 'sent', first: 2, cursor });
      return { ids: page.items.map((r) => r.id), nextCursor: page.nextCursor };
    });
    const ordered = [...referralOf.entries()].sort((a, b) => b[1].lastContactAt - a[1].lastContactAt);
    expect(all.ids).toEqual(ordered.filter(([, p]) => p.visible).map(([id]) => id));
    const hiddenReferrals = ordered.filter(([, p]) => !p.visible);
    expectNothingReadable(all.cursors, [
      ...hiddenReferrals.map(([id]) => id),
      ...hiddenReferrals.map(([, p]) => String(p.lastContactAt)), // the sent moments, as made above
    ]);
    await expectEachHiddenRefusedOnce('referrals.list', made);
  });

  it('the MDT worklist pages with the same cursor: every person it may show once, across hidden ones', async () => {
    const made = await people('HVHHHHHHHHHHHHVVHV');
    const ids: string[] = [];
    const cursors: string[] = [];
    let after: string | undefined;
    do {
      const page = await mdtWorklist(db, vic.actor, { after }, Date.now(), 2);
      ids.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
      if (after) cursors.push(after);
    } while (after && cursors.length < 50);
    expect(ids).toEqual(made.filter((p) => p.visible).map((p) => p.id));
    expectNothingReadable(
      cursors,
      made.filter((p) => !p.visible).map((p) => p.id),
    );
  });
});

describe('a cursor that is not this server’s, this list’s, this user’s, or is too old (#18 review)', () => {
  it('is told at the page field as bad input, never a server error, and changes nothing', async () => {
    await people('V'.repeat(30));
    const first = await vic.caller.patients.caseload({ scope: 'team', sort: 'risk' });
    const good = first.nextCursor!;
    expect(good).toBeTruthy();
    const id = first.rows[0]!.id;
    const lists = [
      {
        list: 'caseload:team:risk',
        key: 0,
        call: (c: string) => vic.caller.patients.caseload({ scope: 'team', sort: 'risk', cursor: c }),
      },
      { list: 'tasks:team', key: 0, call: (c: string) => vic.caller.tasks.list({ view: 'team', cursor: c }) },
      { list: 'discharges', key: '2026-03-01', call: (c: string) => vic.caller.discharges.list({ status: 'all', cursor: c }) },
      { list: 'referrals:sent', key: 0, call: (c: string) => vic.caller.referrals.list({ view: 'sent', cursor: c }) },
    ];
    for (const { list, key, call } of lists) {
      const sealed = { l: list, u: vic.actor.userId, k: key, i: id, t: Date.now() };
      // Made as the list makes it, the cursor is good.
      await expect(call(sealCursor(sealed))).resolves.toBeTruthy();
      const cases: { cursor: string; message: RegExp }[] = [
        {
          cursor: good.endsWith('AA') ? `${good.slice(0, -2)}BB` : `${good.slice(0, -2)}AA`,
          message: /this page of the list cannot be found/,
        },
        // A plain cursor of the old kind, naming a row by its sort key and id.
        { cursor: `0_${id}`, message: /go back to the top of the list/i },
        { cursor: 'not a cursor at all', message: /go back to the top of the list/i },
        // Sealed 13 hours ago: the list has moved on.
        { cursor: sealCursor({ ...sealed, t: Date.now() - CURSOR_LIFETIME_MS - 3_600_000 }), message: /the list has changed/ },
        // Another list's, or another order's, cursor.
        { cursor: sealCursor({ ...sealed, l: 'caseload:team:lastContact' }), message: /cannot be found/ },
        // Another user's.
        { cursor: sealCursor({ ...sealed, u: w.navigator.row.id }), message: /cannot be found/ },
      ];
      for (const { cursor, message } of cases) {
        const before = await rowCounts(db);
        const auditBefore = (await db.select().from(auditLog).all()).length;
        const error = await failure(call(cursor));
        expect(error.code).toBe('BAD_REQUEST');
        expect(error.message).toMatch(message);
        expect(error.message).toMatch(/^cursor: Page: /);
        if (error.cause instanceof Invalid) expect(error.cause.field).toBe('cursor');
        // Nothing written but the one row that says the call failed on its input (the executor's).
        expect(await rowCounts(db)).toEqual(before);
        const added = (await db.select().from(auditLog).all()).slice(auditBefore);
        expect(added.map((r) => [r.outcome, r.rule, r.patientId])).toEqual([['failed', 'invalid_input', null]]);
      }
    }
  });
});
