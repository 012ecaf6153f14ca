// Server-side cost of each use case at scale, measured in-process through the real tRPC procedures
// (access check, use case and audit row together, as the server runs them, minus HTTP and the
// session look-up), and writes per second through the note use case with synchronous=FULL.
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/client';
import { createCaller } from '../../server/trpc/app-router';
import { addEntry } from '../../server/timeline/add-entry';
import { listTimeline } from '../../server/timeline/list-timeline';
import { MEASURES, type MeasureId } from '../../server/metrics/definitions';
import { computeMeasures, type MeasureScope } from '../../server/metrics/compute-measures';
import { percentile } from '../lib/load';
import { SEARCH_PREFIXES, type Subjects } from './subjects';

export type UseCaseResult = {
  id: string;
  title: string;
  budgetMs: number;
  runs: number;
  rows: number;
  p50: number;
  p95: number;
  p99: number;
};
type Case = {
  id: string;
  title: string;
  budgetMs: number; /** A use case's call: a promise (through tRPC) or a plain value (a synchronous read). */
  call: (i: number) => unknown;
  rows: (r: unknown) => number;
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Each use case runs `runs` times, or for about 10 s when it is slow (at least 5 runs). */
const TIME_CAP_MS = 10_000;

async function time(runs: number, call: Case['call'], rowsOf: (result: unknown) => number) {
  const warmUntil = performance.now() + 2_000;
  for (let i = 0; i < Math.min(20, runs) && performance.now() < warmUntil; i++) await call(i);
  const times: number[] = [];
  let rows = 0;
  const until = performance.now() + TIME_CAP_MS;
  for (let i = 0; i < runs && (i < 5 || performance.now() < until); i++) {
    const started = performance.now();
    const result = await call(i);
    times.push(performance.now() - started);
    rows = Math.max(rows, rowsOf(result));
  }
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    rows,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
  };
}

const lengthOf = (key: string) => (result: unknown) => ((result as Record<string, unknown[]>)[key] ?? []).length;

export async function measureUseCases(db: Db, s: Subjects, period: { from: string; to: string }, runs: number): Promise<UseCaseResult[]> {
  const nav = createCaller({ db, actor: s.navigatorActor });
  const housing = createCaller({ db, actor: s.housingActor });
  const admin = createCaller({ db, actor: s.adminActor });
  const person = (i: number) => s.people[i % s.people.length]!;
  const READ = 15;
  const SEARCH = 20;
  // The MDT worklist ranks the whole team (10,034 people here) on every view: each reason is a
  // comparison with the time now, so no index can hold the order (decision 017).
  const RANKED = 30;
  const cases: Case[] = [
    {
      id: 'caseload',
      title: 'Caseload, first page (mine)',
      budgetMs: READ,
      call: () => nav.patients.caseload({ scope: 'mine' }),
      rows: lengthOf('rows'),
    },
    {
      id: 'caseloadTeam',
      title: 'Caseload, first page (my team)',
      budgetMs: READ,
      call: () => nav.patients.caseload({ scope: 'team' }),
      rows: lengthOf('rows'),
    },
    {
      id: 'personSummary',
      title: 'Person summary (record page)',
      budgetMs: READ,
      call: (i) => nav.patients.get({ patientId: person(i).id }),
      rows: () => 1,
    },
    {
      id: 'timelineFirst',
      title: `Timeline, first page (${s.heaviest.events.toLocaleString('en-GB')} events)`,
      budgetMs: READ,
      call: () => nav.timeline.list({ patientId: s.heaviest.id }),
      rows: lengthOf('items'),
    },
    {
      id: 'timelineDeep',
      title: `Timeline, page ${s.depth.toLocaleString('en-GB')} events deep`,
      budgetMs: READ,
      call: () => nav.timeline.list({ patientId: s.heaviest.id, cursor: s.deepCursor }),
      rows: lengthOf('items'),
    },
    // The page reads alone (no access check or audit commit, whose fsync jitter would swamp a
    // one-millisecond read): the cost the keyset pagination budget compares.
    {
      id: 'timelineFirstRead',
      title: 'Timeline first page, the read alone',
      budgetMs: READ,
      call: async () => await listTimeline(db, { patientId: s.heaviest.id, limit: 20 }),
      rows: lengthOf('items'),
    },
    {
      id: 'timelineDeepRead',
      title: `Timeline page ${s.depth.toLocaleString('en-GB')} events deep, the read alone`,
      budgetMs: READ,
      call: async () => await listTimeline(db, { patientId: s.heaviest.id, limit: 20, cursor: s.deepKeyset }),
      rows: lengthOf('items'),
    },
    {
      id: 'searchName',
      title: 'Search by name prefix',
      budgetMs: SEARCH,
      call: (i) => nav.patients.search({ query: SEARCH_PREFIXES[i % SEARCH_PREFIXES.length]! }),
      rows: lengthOf('results'),
    },
    {
      id: 'searchNhsNumber',
      title: 'Look-up by NHS number',
      budgetMs: READ,
      call: (i) => nav.patients.search({ query: person(i).nhsNumber }),
      rows: lengthOf('results'),
    },
    {
      id: 'referralInbox',
      title: 'Team referral inbox (new)',
      budgetMs: READ,
      call: () => housing.referrals.list({ view: 'new' }),
      rows: lengthOf('items'),
    },
    {
      id: 'mdtWorklist',
      title: 'MDT worklist, first 25 of the team ranked',
      budgetMs: RANKED,
      call: () => nav.mdt.worklist({}),
      rows: lengthOf('rows'),
    },
    {
      id: 'mdtWorklistSector',
      title: 'MDT worklist, first 25 with social care on the care team',
      budgetMs: RANKED,
      call: () => nav.mdt.worklist({ sector: 'social' }),
      rows: lengthOf('rows'),
    },
    {
      id: 'dischargeWorklist',
      title: 'Discharge worklist (active)',
      budgetMs: READ,
      call: () => nav.discharges.list({ status: 'active' }),
      rows: lengthOf('items'),
    },
  ];
  for (const id of Object.keys(MEASURES) as MeasureId[]) {
    cases.push({
      id: `measure.${id}`,
      title: `Measure: ${MEASURES[id].title} (team, 12 weeks, as kept)`,
      budgetMs: READ,
      call: () => nav.metrics.compute({ ...period, scope: 'team', organisationId: '', measures: [id] }),
      rows: (r) => ((r as { rows: unknown[] }[])[0]?.rows ?? []).length,
    });
  }
  cases.push({
    id: 'measuresAll',
    title: 'All measures, every organisation (admin, 12 weeks, as kept)',
    budgetMs: READ,
    call: () => admin.metrics.compute({ ...period, scope: 'organisation', organisationId: '' }),
    rows: (r) => (r as unknown[]).length,
  });
  // As on a server that has been running: every case a few times in turn before any is timed (the
  // first timed used to pay for the freshly copied database's pages coming into memory).
  for (let round = 0; round < 3; round++) for (const c of cases) await c.call(round);
  return timeCases(cases, runs);
}

/** Times each case in turn, a dot per case on the console. */
async function timeCases(cases: Case[], runs: number): Promise<UseCaseResult[]> {
  const results: UseCaseResult[] = [];
  for (const c of cases) {
    results.push({ id: c.id, title: c.title, budgetMs: c.budgetMs, ...(await time(runs, c.call, c.rows)) });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return results;
}

/**
 * What keeping the measures costs: each computed afresh for a team (the unit of background work,
 * and the time the server is busy with it in one go), and all of them for every organisation.
 * Also what the first visitor of a period nobody has opened waits. Reported, not budgeted.
 */
export async function measureFreshComputation(
  db: Db,
  s: Subjects,
  period: { from: string; to: string },
  runs: number,
): Promise<UseCaseResult[]> {
  const team: MeasureScope = { kind: 'team', organisationId: s.navigatorActor.organisationId ?? '' };
  const rows = (r: unknown) => (r as unknown[]).length;
  const cases: Case[] = (Object.keys(MEASURES) as MeasureId[]).map((id) => ({
    id: `fresh.${id}`,
    title: `${MEASURES[id].title} (team, 12 weeks)`,
    budgetMs: 0,
    call: () => computeMeasures(db, team, { ...period, measures: [id] }),
    rows,
  }));
  cases.push({
    id: 'fresh.all',
    title: 'All measures, every organisation (12 weeks)',
    budgetMs: 0,
    call: () => computeMeasures(db, { kind: 'all' }, period),
    rows,
  });
  return timeCases(cases, Math.min(runs, 20));
}

export type NoteWrites = { writes: number; seconds: number; perSecond: number; writers: number; durability: string };

/**
 * Notes added per second through the use case (event and audit row in one transaction), for
 * `seconds`, by `writers` callers at once (each awaiting its last note before adding the next).
 * `durability` names the engine's commit setting the figure was measured with.
 */
export async function measureNoteWrites(db: Db, s: Subjects, seconds: number, writers: number, durability: string): Promise<NoteWrites> {
  const actor = { ...s.navigatorActor, access: { rule: 'named_contact', action: 'timeline.add' } };
  const until = performance.now() + seconds * 1000;
  let writes = 0;
  const started = performance.now();
  const writer = async () => {
    while (performance.now() < until) {
      await addEntry(db, actor, {
        patientId: s.people[writes++ % s.people.length]!.id,
        type: 'note',
        text: 'Benchmark note',
        occurredAt: Date.now() - 60_000,
        carerVisible: false,
      });
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  const elapsed = (performance.now() - started) / 1000;
  return { writes, seconds: round(elapsed), perSecond: Math.round(writes / elapsed), writers, durability };
}
