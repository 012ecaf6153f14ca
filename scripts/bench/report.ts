// bench/RESULTS.md from bench/results.json: the figures, the ratios to the limit, and the budgets.
import type { BenchResults, BudgetCheck } from './budgets';

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
    `| Use-case function in-process (synchronous=${r.noteWritesInProcess.synchronous}, ${n(r.noteWritesInProcess.writes)} notes in ${r.noteWritesInProcess.seconds} s) | ${n(r.noteWritesInProcess.perSecond)} | | | | | |`,
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
    '## Measures computed afresh (the work of keeping them)',
    '',
    '`/metrics` serves measures as kept (above); they are computed afresh in the background, one measure at a time, when an hour old (a day for every organisation), and before serving when nobody has opened that period for those people in the last day. Each figure here is how long the server is busy with one such piece of work in one go, and what the first visitor of a period nobody has opened waits. Reported, not budgeted (see docs/performance.md).',
    '',
    '| Computed afresh | Runs | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|',
    ...r.measuresComputedAfresh.map((u) => `| ${u.title} | ${u.runs} | ${u.p50} | ${u.p95} | ${u.p99} |`),
    '',
    '## First-load JavaScript per page (gzip)',
    '',
    '| Page | Signed in as | Script files | kB gzip |',
    '|---|---|---:|---:|',
    ...r.pages.map((p) => `| ${p.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…')} | ${p.as} | ${p.files} | ${p.gzipKb} |`),
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
