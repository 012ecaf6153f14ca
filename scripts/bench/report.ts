// bench/RESULTS.md from bench/results.json: the figures, the ratios to the limit, and the budgets.
import { writersLabel, type BenchResults, type BudgetCheck } from './budgets';
import type { NoteWrites } from './in-process';
import { shortPath } from './page-times';

const n = (v: number) => v.toLocaleString('en-GB');
const pct = (a: number, b: number) => `${Math.round((a / Math.max(b, 1)) * 100)}%`;

export function renderResults(r: BenchResults, checks: BudgetCheck[]): string {
  const { raw, routeHandler, trpc, noteWrites, connections, seconds } = r.http;
  const missed = checks.filter((c) => !c.ok);
  const lines = [
    '# carenav benchmark results',
    '',
    `Run ${r.ranAt} by \`npm run bench\` (machine below). ${missed.length === 0 ? 'Every budget met.' : `**${missed.length} budget(s) missed** (see Budgets).`}`,
    '',
    '## Machine',
    '',
    ...Object.entries(r.machine).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Data (npm run db:synth)',
    '',
    '| Table | Rows |',
    '|---|---:|',
    ...Object.entries(r.data).map(([k, v]) => `| ${k} | ${typeof v === 'number' ? n(v) : v} |`),
    '',
    `## Reads over HTTP: ${connections} connections, ${seconds} s each, one after another`,
    '',
    'The same read each time: the first page (20 events) of one person’s timeline.',
    '',
    '| Server | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Non-2xx | Share of the limit |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| The limit: raw better-sqlite3 + bare Node http | ${n(raw.perSecond)} | ${raw.p50} | ${raw.p95} | ${raw.p99} | ${raw.errors} | ${raw.non2xx} | 100% |`,
    `| Plain Next route handler (no session, access check or audit) | ${n(routeHandler.perSecond)} | ${routeHandler.p50} | ${routeHandler.p95} | ${routeHandler.p99} | ${routeHandler.errors} | ${routeHandler.non2xx} | ${pct(routeHandler.perSecond, raw.perSecond)} |`,
    `| Authenticated tRPC (session, access check, audit row) | ${n(trpc.perSecond)} | ${trpc.p50} | ${trpc.p95} | ${trpc.p99} | ${trpc.errors} | ${trpc.non2xx} | ${pct(trpc.perSecond, raw.perSecond)} |`,
    '',
    `tRPC reads are **${pct(trpc.perSecond, routeHandler.perSecond)}** of the plain route handler’s rate (budget ≥ 60%): session, access check and audit row together cost ${pct(routeHandler.perSecond - trpc.perSecond, routeHandler.perSecond)}.`,
    '',
    '## Writes: adding a note (timeline event and audit row in one transaction)',
    '',
    '| Path | Notes/s | p50 ms | p95 ms | p99 ms | Errors | Non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[r.noteWritesInProcess, r.noteWritesConcurrent].map((w) => inProcessRow('SQLite', w)),
    ...(r.postgres ? [inProcessRow('PostgreSQL', r.postgres.noteWrites)] : []),
    `| Over HTTP as a signed-in user (${connections} connections) | ${n(noteWrites.perSecond)} | ${noteWrites.p50} | ${noteWrites.p95} | ${noteWrites.p99} | ${noteWrites.errors} | ${noteWrites.non2xx} |`,
    '',
    `Over HTTP, note writes run at ${pct(noteWrites.perSecond, trpc.perSecond)} of the authenticated read rate.`,
    '',
    '## Server-side time per use case',
    '',
    'In-process through the real tRPC procedures (access check, use case and audit row together, as the server runs them; without HTTP and the session look-up), as the navigator named contact of the person with the longest timeline.',
    '',
    '| Use case | Rows | Runs | p50 ms | p95 ms | p99 ms | Budget (p95) | |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...r.useCases.map(
      (u) =>
        `| ${u.title} | ${u.rows} | ${u.runs} | ${u.p50} | ${u.p95} | ${u.p99} | ≤ ${u.budgetMs} ms | ${u.p95 <= u.budgetMs ? 'met' : '**missed**'} |`,
    ),
    '',
    ...bothEngines(r),
    '## Measures computed afresh (the work of keeping them)',
    '',
    '`/metrics` serves measures as kept (above); they are computed afresh in the background, one measure at a time, when an hour old (a day for every organisation), and before serving when nobody has opened that period for those people in the last day. Each figure here is how long the server is busy with one such piece of work in one go, and what the first visitor of a period nobody has opened waits. Reported, not budgeted (see docs/performance.md).',
    '',
    '| Computed afresh | Runs | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|',
    ...r.measuresComputedAfresh.map((u) => `| ${u.title} | ${u.runs} | ${u.p50} | ${u.p95} | ${u.p99} |`),
    '',
    '## Every page over HTTP',
    '',
    `Each page opened as the user who would open it, on the synthetic database: the server’s response to the last byte of the HTML, ${r.pageTimes[0]?.runs ?? 0} times one request at a time, and the HTML’s size uncompressed. Budgets: p95 ≤ 50 ms, HTML ≤ 150 kB.`,
    '',
    '| Page | Signed in as | Status | p50 ms | p95 ms | HTML kB |',
    '|---|---|---:|---:|---:|---:|',
    ...r.pageTimes.map((p) => `| ${shortPath(p.path)} | ${p.as} | ${p.status} | ${p.p50} | ${p.p95} | ${p.htmlKb} |`),
    '',
    `Then every page that answers 200, in turn, on ${connections} connections at once for ${seconds} s: first as ${connections} users at once, each reading a page for ½ to 1½ s before opening the next (budget p95 ≤ 250 ms, no errors), then with each connection opening the next page as soon as the last arrives, which is the server’s page throughput (reported; one Node process on this machine’s 2 cores, shared with the load generator).`,
    '',
    '| Load | Pages/s | p50 ms | p95 ms | p99 ms | Errors | Non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| Every page, ${connections} users each reading a page for about a second | ${n(r.http.pages.perSecond)} | ${r.http.pages.p50} | ${r.http.pages.p95} | ${r.http.pages.p99} | ${r.http.pages.errors} | ${r.http.pages.non2xx} |`,
    `| Page throughput: every page, ${connections} connections as fast as answered | ${n(r.http.pageThroughput.perSecond)} | ${r.http.pageThroughput.p50} | ${r.http.pageThroughput.p95} | ${r.http.pageThroughput.p99} | ${r.http.pageThroughput.errors} | ${r.http.pageThroughput.non2xx} |`,
    `| For comparison: authenticated tRPC reads (above) | ${n(trpc.perSecond)} | ${trpc.p50} | ${trpc.p95} | ${trpc.p99} | ${trpc.errors} | ${trpc.non2xx} |`,
    '',
    '## First-load JavaScript per page (gzip)',
    '',
    '| Page | Signed in as | Script files | kB gzip |',
    '|---|---|---:|---:|',
    ...r.pages.map((p) => `| ${shortPath(p.path)} | ${p.as} | ${p.files} | ${p.gzipKb} |`),
    '',
    '## Budgets',
    '',
    '| Budget | Limit | Actual | |',
    '|---|---|---|---|',
    ...checks.map((c) => `| ${c.budget} | ${c.limit} | ${c.actual} | ${c.ok ? 'met' : '**missed**'} |`),
    '',
  ];
  return lines.join('\n');
}

function inProcessRow(engine: string, w: NoteWrites): string {
  return `| ${engine}: use-case function in-process, ${writersLabel(w)} (${w.durability}, ${n(w.writes)} notes in ${w.seconds} s) | ${n(w.perSecond)} | | | | | |`;
}

/** The same use cases on both engines, side by side, with PostgreSQL's p95 as a multiple of SQLite's. */
function bothEngines(r: BenchResults): string[] {
  const pg = r.postgres;
  if (!pg) return ['## PostgreSQL', '', 'Not measured in this run (`--sqlite-only`).', ''];
  const settings = Object.entries(pg.settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return [
    '## The same use cases on both engines',
    '',
    `PostgreSQL ${pg.version} on this machine (loopback, a throwaway server: ${settings}), holding the same data: moved from the SQLite copy by \`db:move\`'s code (${n(pg.rowsMoved)} rows, verified, in ${n(pg.moveSeconds)} s). Same people, same calls, same runs; in-process through the real tRPC procedures, each over a pool of connections instead of one file.`,
    '',
    '| Use case | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 | PostgreSQL / SQLite (p95) | Budget (p95) | |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...pg.useCases.map((u) => {
      const s = r.useCases.find((x) => x.id === u.id);
      const ratio = s ? (u.p95 / Math.max(s.p95, 0.01)).toFixed(2) : '';
      return `| ${u.title} | ${s?.p50 ?? ''} | ${s?.p95 ?? ''} | ${u.p50} | ${u.p95} | ${ratio} | ≤ ${u.budgetMs} ms | ${u.p95 <= u.budgetMs ? 'met' : '**missed**'} |`;
    }),
    '',
  ];
}
