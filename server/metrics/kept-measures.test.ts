import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { keptMeasures } from '../../db/schema';
import { insertOrganisation, insertPatient } from '../../db/factories';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { MEASURE_IDS } from './definitions';
import { defaultPeriod } from './measure-input';
import { FRESHNESS, KEPT_FOR_MS, keepDefaultPeriodsUpToDate, keptMeasuresIdle, readMeasures } from './kept-measures';

const H = 3_600_000;
let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

// The background work computes with the real clock, so these tests read with times around it.
const period = () => defaultPeriod();
const workload = async (now: number, actor = w.navigator.actor, scope: 'team' | 'mine' | 'organisation' = 'team', organisationId = '') =>
  (await readMeasures(db, actor, { ...period(), scope, organisationId, measures: ['workload'] }, now))[0]!;
const peopleOf = (m: { rows: (string | number | null)[][] }) => m.rows.at(-1)?.[1] ?? 0;
const addPerson = async () =>
  await insertPatient(db, {
    registeredPracticeId: w.orgs.practice.id,
    caseloadOrganisationId: w.orgs.navTeam.id,
    namedContactUserId: w.navigator.row.id,
  });
const keptRows = async () => (await db.select({ n: count() }).from(keptMeasures).get())!.n;

beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('kept measures', () => {
  it('a second visit within the hour is served what was kept, with when it was computed', async () => {
    const first = await workload(Date.now());
    await addPerson();
    const second = await workload(Date.now() + 10 * 60_000);
    expect(second).toEqual(first);
    expect(Math.abs(second.computedAt - Date.now())).toBeLessThan(60_000);
  });

  it('from an hour old, serves what was kept and brings it up to date in the background', async () => {
    const before = peopleOf(await workload(Date.now() - 2 * H));
    await addPerson();
    const stale = await workload(Date.now());
    expect(peopleOf(stale)).toBe(before);
    await keptMeasuresIdle();
    const updated = await workload(Date.now());
    expect(peopleOf(updated)).toBe(Number(before) + 1);
    expect(updated.computedAt).toBeGreaterThan(stale.computedAt);
  });

  it('older than a day, computes before serving', async () => {
    const before = peopleOf(await workload(Date.now() - FRESHNESS.team.servedUntil - H));
    await addPerson();
    expect(peopleOf(await workload(Date.now()))).toBe(Number(before) + 1);
  });

  it('never serves figures computed under other definitions', async () => {
    const before = peopleOf(await workload(Date.now()));
    await addPerson();
    await db.update(keptMeasures).set({ version: 'an older definition' }).where(eq(keptMeasures.measureId, 'workload')).run();
    expect(peopleOf(await workload(Date.now()))).toBe(Number(before) + 1);
  });

  it('keeps each people-in-scope apart: mine, my team, another team, every organisation', async () => {
    const otherTeam = await insertOrganisation(db, { name: 'Hillside Care Navigation Team', kind: 'navigator_team' });
    const otherNavigator = await w.addUser('navigator', otherTeam.id, 'primary', 'Olu Navigator');
    await addPerson();
    await addPerson();
    const now = Date.now();
    expect(peopleOf(await workload(now))).toBe(peopleOf(await workload(now, w.admin.actor, 'organisation', w.orgs.navTeam.id)));
    expect(peopleOf(await workload(now, w.navigator2.actor, 'mine'))).toBe(0);
    expect(peopleOf(await workload(now, otherNavigator.actor))).toBe(0);
    expect(Number(peopleOf(await workload(now, w.admin.actor, 'organisation')))).toBeGreaterThanOrEqual(
      Number(peopleOf(await workload(now))),
    );
    const keys = (await db.selectDistinct({ key: keptMeasures.scopeKey }).from(keptMeasures).all()).map((r) => r.key).sort();
    expect(keys).toEqual(['all', `mine:${w.navigator2.row.id}`, `team:${otherTeam.id}`, `team:${w.orgs.navTeam.id}`].sort());
  });

  it('refuses other people’s measures and bad periods, keeping nothing', async () => {
    expect((await failure(w.navigator.caller.metrics.compute({ ...period(), scope: 'organisation' }))).code).toBe('FORBIDDEN');
    expect((await failure(w.navigator.caller.metrics.compute({ from: '2026-03-01', to: '2026-02-01' }))).message).toMatch(
      /to: To must be on or after From/,
    );
    expect(await keptRows()).toBe(0);
  });

  it('the hourly run keeps every navigator team’s and every organisation’s default period ready, and removes what nobody needed for a week', async () => {
    const now = Date.now();
    const old = {
      scopeKey: 'team:gone',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      measureId: 'workload',
      version: 'v',
      body: '{}',
    };
    await db
      .insert(keptMeasures)
      .values({ ...old, computedAt: now - KEPT_FOR_MS - 1 })
      .run();
    await keepDefaultPeriodsUpToDate(db, now);
    await keptMeasuresIdle();
    const rows = await db.select().from(keptMeasures).all();
    expect(rows.some((r) => r.scopeKey === 'team:gone')).toBe(false);
    const { from, to } = period();
    for (const key of [`team:${w.orgs.navTeam.id}`, 'all']) {
      expect(
        rows
          .filter((r) => r.scopeKey === key && r.periodFrom === from && r.periodTo === to)
          .map((r) => r.measureId)
          .sort(),
        key,
      ).toEqual([...MEASURE_IDS].sort());
    }
    // Fresh ones are left as they are.
    const computedAt = rows.map((r) => r.computedAt);
    await keepDefaultPeriodsUpToDate(db, Date.now());
    await keptMeasuresIdle();
    expect((await db.select().from(keptMeasures).all()).map((r) => r.computedAt)).toEqual(computedAt);
  });

  it('a page of kept measures reads the same as one computed afresh', async () => {
    const now = Date.now();
    const computed = await readMeasures(db, w.navigator.actor, { ...period(), scope: 'team', organisationId: '' }, now);
    const kept = await readMeasures(db, w.navigator.actor, { ...period(), scope: 'team', organisationId: '' }, now + 60_000);
    expect(kept).toEqual(computed);
    expect(kept.map((m) => m.id)).toEqual(MEASURE_IDS);
    expect(
      (await db
        .select({ n: count() })
        .from(keptMeasures)
        .where(eq(keptMeasures.scopeKey, `team:${w.orgs.navTeam.id}`))
        .get())!.n,
    ).toBe(MEASURE_IDS.length);
  });
});
