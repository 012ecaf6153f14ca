// npm run bench [-- --check] [--people 100000] [--skip-build] [--seconds 10] [--runs 200] [--page-runs 100] [--pages-only]
// Builds the app, starts it on a copy of the synthetic database (npm run db:synth, made if missing)
// and measures, one after another on this machine: each use case's server-side time, note writes
// per second in-process, reads/s of the bare limit, a plain route handler and authenticated tRPC,
// note writes over HTTP, every page opened over HTTP (one at a time, then 20 users at once), and
// first-load JS per page. Writes bench/results.json and bench/RESULTS.md; with --check, exits non-zero
// when a budget is missed. --pages-only times the pages alone (for working on one), writing nothing.
import type autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { parseArgs } from 'node:util';
import { signIn } from '../../e2e/http';
import { runLoad, startServer, type LoadResult } from '../lib/load';
import { checkBudgets, type BenchResults, type PageWeight } from './budgets';
import { pageWeight } from './first-load-js';
import { benchOnPostgres } from './postgres';
import { renderResults } from './report';
import { pageThroughput, shortPath, simulateUsers, timePages, type PageRequest } from './page-times';

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    people: { type: 'string', default: '100000' },
    'skip-build': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '200' },
    'page-runs': { type: 'string', default: '100' },
    'pages-only': { type: 'boolean', default: false },
    /** Leaves out the PostgreSQL half (the same use cases on a throwaway PostgreSQL server). */
    'sqlite-only': { type: 'boolean', default: false },
    /** With --pages-only: time only the pages whose route (as in pages.ts) contains one of these, comma-separated. */
    only: { type: 'string', default: '' },
    synth: { type: 'string', default: 'data/synth.db' },
    port: { type: 'string', default: '3400' },
  },
  strict: true,
});
const seconds = Number(args.seconds);
const runs = Number(args.runs);
const pageRuns = Number(args['page-runs']);
const connections = 20;
/** Writers at once in the in-process note writes (issue #19: 20 on PostgreSQL). */
const WRITERS = 20;
const SYNTH = args.synth;
const RUN_DIR = 'bench/.run';
const DATABASE = `${RUN_DIR}/bench.db`;
const PORT = Number(args.port);
const RAW_PORT = PORT + 1;
const base = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'demo-password';

const step = (what: string) => console.log(`\n▶ ${what}`);

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

/** The run's copy of the synthetic database, with its WAL and server lock: as big as the original. */
function removeCopy() {
  for (const suffix of ['', '-wal', '-shm', '.server.pid']) rmSync(`${DATABASE}${suffix}`, { force: true });
}

function freshCopy() {
  mkdirSync(RUN_DIR, { recursive: true });
  removeCopy();
  copyFileSync(SYNTH, DATABASE);
}

async function main() {
  if (!existsSync(SYNTH)) {
    step(`No synthetic database at ${SYNTH}: generating ${args.people} people (npm run db:synth)`);
    run('npx', ['tsx', 'db/seed/synth-cli.ts', '--people', args.people, '--out', SYNTH]);
  }
  step(`Copying ${SYNTH} for this run`);
  freshCopy();

  // In-process first, before any server competes for the two cores. Loaded here so the search
  // limit below applies (the per-user limit would otherwise measure itself, not the search).
  process.env.CARENAV_SEARCHES_PER_MINUTE = '100000000';
  const { createDb } = await import('../../db/client');
  const { migrateDb } = await import('../../db/migrate');
  const { pickSubjects } = await import('./subjects');
  const { measureUseCases, measureFreshComputation, measureNoteWrites } = await import('./in-process');
  const db = createDb(DATABASE);
  migrateDb(db);
  const subjects = pickSubjects(db.$client);
  const marker = db.$client.prepare('select seed, people, until from carenav_synthetic').get() as {
    seed: number;
    people: number;
    until: number;
  };
  const to = new Date(marker.until).toISOString().slice(0, 10);
  const from = new Date(marker.until - 83 * 86_400_000).toISOString().slice(0, 10);
  const count = (table: string) => db.$client.prepare(`select count(*) from "${table}"`).pluck().get() as number;
  const data: BenchResults['data'] = { seed: marker.seed };
  for (const table of [
    'organisations',
    'users',
    'patients',
    'timeline_events',
    'audit_log',
    'referrals',
    'discharges',
    'tasks',
    'consents',
    'care_team_members',
  ])
    data[table] = count(table);
  data['longest timeline (events)'] = subjects.heaviest.events;
  data['navigator team (people on its caseload)'] = db.$client
    .prepare('select count(*) from patients where caseload_organisation_id = ?')
    .pluck()
    .get(subjects.navigator.organisation_id) as number;
  const sqliteVersion = db.$client.prepare('select sqlite_version()').pluck().get() as string;

  let useCases: BenchResults['useCases'] = [];
  let measuresComputedAfresh: BenchResults['measuresComputedAfresh'] = [];
  let noteWritesInProcess: BenchResults['noteWritesInProcess'] | undefined;
  let noteWritesConcurrent: BenchResults['noteWritesConcurrent'] | undefined;
  let postgres: BenchResults['postgres'];
  if (!args['pages-only']) {
    step(`Server-side time per use case (${runs} runs each, measures over ${from} to ${to})`);
    useCases = await measureUseCases(db, subjects, { from, to }, runs);
    console.table(
      useCases.map(({ title, rows, runs: n, p50, p95, p99, budgetMs }) => ({
        title: title.slice(0, 60),
        rows,
        runs: n,
        p50,
        p95,
        p99,
        budgetMs,
      })),
    );
    step('Measures computed afresh: the background work of keeping them');
    measuresComputedAfresh = await measureFreshComputation(db, subjects, { from, to }, runs);
    console.table(
      measuresComputedAfresh.map(({ title, runs: n, p50, p95, p99 }) => ({ title: title.slice(0, 60), runs: n, p50, p95, p99 })),
    );
    const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][db.$client.pragma('synchronous', { simple: true }) as number] ?? '?';
    step(`Notes added in-process for 10 s, one at a time (synchronous=${synchronous})`);
    noteWritesInProcess = await measureNoteWrites(db, subjects, 10, 1, `synchronous=${synchronous}`);
    console.log(`  ${noteWritesInProcess.perSecond} notes/s`);
    step(`Notes added in-process for 10 s by ${WRITERS} writers at once (synchronous=${synchronous})`);
    noteWritesConcurrent = await measureNoteWrites(db, subjects, 10, WRITERS, `synchronous=${synchronous}`);
    console.log(`  ${noteWritesConcurrent.perSecond} notes/s`);
    if (!args['sqlite-only']) {
      step('The same use cases on PostgreSQL: a throwaway server, this run’s data moved across (npm run db:move)');
      postgres = await benchOnPostgres(DATABASE, { subjects, period: { from, to }, runs, writers: WRITERS, seconds: 10 });
    }
  }
  // A running server escalates what falls due every minute; the copy has had none since it was made.
  // Brought up to date here, so the pages are timed on the system as it runs, not on its catch-up.
  step('Bringing scheduled work up to date (tasks and referrals that fell due since the database was made)');
  const { escalateOverdueTasks } = await import('../../server/tasks/escalate-overdue-tasks');
  const { flagOverdueReferrals } = await import('../../server/referrals/flag-overdue-referrals');
  let caughtUp = 0;
  for (let n = -1; n !== 0; caughtUp += n) n = (await escalateOverdueTasks(db)).escalated;
  for (let n = -1; n !== 0; caughtUp += n) n = (await flagOverdueReferrals(db)).flagged;
  console.log(`  ${caughtUp} escalated or flagged`);
  db.$client.close();

  if (!args['skip-build'] || !existsSync('.next/BUILD_ID')) {
    step('Building the app (next build)');
    run('npx', ['next', 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  }

  const timelinePath = (prefix: string) => `${prefix}?patientId=${subjects.heaviest.id}`;
  const load = (url: string, requests: autocannon.Request[]) => runLoad({ url, connections, seconds, requests });

  let raw: LoadResult | undefined;
  if (!args['pages-only']) {
    step(`The limit: raw better-sqlite3 behind a bare Node http server (${connections} connections, ${seconds} s)`);
    const stopRaw = await startServer(
      ['npx', 'tsx', 'scripts/bench/raw-server.ts', DATABASE, String(RAW_PORT)],
      process.env,
      `http://127.0.0.1:${RAW_PORT}/health`,
      'the raw server',
    );
    raw = await load(`http://127.0.0.1:${RAW_PORT}`, [{ method: 'GET', path: timelinePath('/timeline') }]);
    await stopRaw();
    console.log(`  ${raw.perSecond} req/s`);
  }

  step('Starting carenav (next start) on the same database');
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: `file:${DATABASE}`,
    NEXTAUTH_SECRET: 'benchmark-only-secret-not-for-production-0123456789',
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
    CARENAV_BENCHMARK: 'true',
    CARENAV_SEARCHES_PER_MINUTE: '100000000',
    CARENAV_LOG_LEVEL: 'warn',
  };
  const stopApp = await startServer(['npx', 'next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], env, `${base}/api/health`, 'carenav');
  let http: BenchResults['http'] | undefined;
  const pages: PageWeight[] = [];
  let pageTimes: BenchResults['pageTimes'] = [];
  try {
    const signedIn = async (email: string) => {
      const result = await signIn(base, email, PASSWORD);
      if (!result.signedIn) throw new Error(`could not sign in as ${email}: ${result.error ?? result.status}`);
      return result.session.cookie;
    };
    const navigatorCookie = await signedIn(subjects.navigator.email);
    const cookies = {
      navigator: navigatorCookie,
      admin: await signedIn(subjects.admin.email),
      carer: await signedIn(subjects.carer.email),
      housing: await signedIn(subjects.housingWorker.email),
      nobody: null,
    };
    const { pagePaths } = await import('./pages');
    const only = args.only ? args.only.split(',') : [];
    const pageRequests: PageRequest[] = pagePaths(DATABASE, subjects)
      .filter(({ route }) => only.length === 0 || only.some((o) => route.includes(o)))
      .map(({ path, as }) => ({ path, as, cookie: cookies[as] }));

    step(`Every page over HTTP, one request at a time (${pageRuns} runs each)`);
    pageTimes = await timePages(base, pageRequests, pageRuns);
    console.table(pageTimes.map((p) => ({ ...p, path: shortPath(p.path) })));
    const answered = pageRequests.filter((p) => pageTimes.find((t) => t.path === p.path)?.status === 200);
    step(`Every page at once: ${connections} users each reading a page for about a second, ${seconds} s, ${answered.length} pages in turn`);
    const mixedPages = await simulateUsers(base, answered, connections, seconds);
    console.log(`  ${mixedPages.perSecond} pages/s, p95 ${mixedPages.p95} ms, ${mixedPages.errors} errors, ${mixedPages.non2xx} non-2xx`);
    step(`Page throughput: ${connections} connections, each opening the next page as soon as the last arrives`);
    const throughput = await pageThroughput(base, answered, connections, seconds);
    console.log(`  ${throughput.perSecond} pages/s, p95 ${throughput.p95} ms, ${throughput.errors} errors`);
    if (args['pages-only']) return;

    step('Plain Next route handler');
    const routeHandler = await load(base, [{ method: 'GET', path: timelinePath('/api/bench/timeline') }]);
    console.log(`  ${routeHandler.perSecond} req/s`);

    step('Authenticated tRPC reads (timeline.list)');
    const input = encodeURIComponent(JSON.stringify({ patientId: subjects.heaviest.id }));
    const trpc = await load(base, [
      { method: 'GET', path: `/api/trpc/timeline.list?input=${input}`, headers: { cookie: navigatorCookie } },
    ]);
    console.log(`  ${trpc.perSecond} req/s`);

    step('Notes added over HTTP (timeline.add)');
    const noteWrites: LoadResult = await load(
      base,
      subjects.people.slice(0, 20).map((p) => ({
        method: 'POST' as const,
        path: '/api/trpc/timeline.add',
        headers: { cookie: navigatorCookie, 'content-type': 'application/json', origin: new URL(base).origin },
        body: JSON.stringify({ patientId: p.id, type: 'note', text: 'Benchmark note over HTTP', occurredAt: Date.now() - 60_000 }),
      })),
    );
    console.log(`  ${noteWrites.perSecond} notes/s`);
    http = { raw: raw!, routeHandler, trpc, noteWrites, pages: mixedPages, pageThroughput: throughput, connections, seconds };

    step('First-load JavaScript per page');
    for (const { path, as, cookie } of pageRequests) pages.push(await pageWeight(base, path, as, cookie));
  } finally {
    await stopApp();
  }
  if (!http) return removeCopy();

  const results: BenchResults = {
    ranAt: new Date().toISOString(),
    machine: {
      CPU: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
      OS: `${type()} ${release()}`,
      Node: process.version,
      SQLite: sqliteVersion,
      note: 'load generator (autocannon) and server share the same 2 cores over loopback',
    },
    data,
    useCases,
    measuresComputedAfresh,
    noteWritesInProcess: noteWritesInProcess!,
    noteWritesConcurrent: noteWritesConcurrent!,
    postgres,
    http,
    pageTimes,
    pages,
  };
  const checks = checkBudgets(results);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify({ ...results, budgets: checks }, null, 2)}\n`);
  writeFileSync('bench/RESULTS.md', renderResults(results, checks));
  // Committed beside the code, so in the project's format (npm test checks it).
  run('npx', ['prettier', '--write', '--log-level=warn', 'bench/RESULTS.md']);
  removeCopy();
  const missed = checks.filter((c) => !c.ok);
  console.log(`\nWrote bench/results.json and bench/RESULTS.md: ${checks.length - missed.length} of ${checks.length} budgets met.`);
  for (const c of missed) console.log(`  missed: ${c.budget}: ${c.actual} (limit ${c.limit})`);
  if (args.check && missed.length > 0) process.exit(1);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
