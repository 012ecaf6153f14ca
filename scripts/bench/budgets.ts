// The budgets of issues #8 and #18, checked against one benchmark run's results (npm run bench -- --check).
import type { LoadResult } from '../lib/load';
import { shortPath } from './page-times';
import type { NoteWrites, UseCaseResult } from './in-process';
import type { PostgresBench } from './postgres';
import type { PageTime } from './page-times';

export type PageWeight = { path: string; as: string; files: number; gzipKb: number };

export type BenchResults = {
  ranAt: string;
  machine: Record<string, string | number>;
  data: Record<string, number | string>;
  useCases: UseCaseResult[];
  /** Measures computed afresh: the background work of keeping them (reported, not budgeted). */
  measuresComputedAfresh: UseCaseResult[];
  /** One writer, each note awaited before the next. */
  noteWritesInProcess: NoteWrites;
  /** Twenty writers at once. */
  noteWritesConcurrent: NoteWrites;
  /** The same use cases and note writes on PostgreSQL (absent with --sqlite-only). */
  postgres?: PostgresBench;
  http: {
    raw: LoadResult;
    routeHandler: LoadResult;
    trpc: LoadResult;
    noteWrites: LoadResult;
    /** Every page in turn, as many users at once as there are connections, each reading a page for about a second. */
    pages: LoadResult;
    /** Every page in turn on every connection as fast as answered: how many pages a second the server gives. */
    pageThroughput: LoadResult;
    connections: number;
    seconds: number;
  };
  /** Every page over HTTP, one request at a time, as the user who would open it. */
  pageTimes: PageTime[];
  pages: PageWeight[];
};

export type BudgetCheck = { budget: string; limit: string; actual: string; ok: boolean };

export const BUDGETS = {
  /** Ratio of the deep timeline page's p95 to the first page's. */
  deepPageRatio: 1.5,
  /** Authenticated tRPC reads per second as a share of the plain route handler's. */
  trpcShareOfRouteHandler: 0.6,
  noteWritesPerSecond: 2000,
  firstLoadKb: 180,
  /** Each page's server response, one user at a time (p95). */
  pageMs: 50,
  /** Each page's HTML, uncompressed. */
  pageHtmlKb: 150,
  /** Every page at once with 20 users (p95). */
  mixedPagesMs: 250,
} as const;

const ms = (n: number) => `${n} ms`;
export const writersLabel = (w: NoteWrites) => (w.writers === 1 ? 'one writer' : `${w.writers} writers at once`);

export function checkBudgets(r: BenchResults): BudgetCheck[] {
  const checks: BudgetCheck[] = r.useCases.map((u) => ({
    budget: `${u.title}: p95`,
    limit: `≤ ${ms(u.budgetMs)}`,
    actual: ms(u.p95),
    ok: u.p95 <= u.budgetMs,
  }));
  const first = r.useCases.find((u) => u.id === 'timelineFirstRead');
  const deep = r.useCases.find((u) => u.id === 'timelineDeepRead');
  if (first && deep) {
    const ratio = deep.p95 / first.p95;
    checks.push({
      budget: 'Timeline page read 100,000 events deep / first page read (p95)',
      limit: `≤ ${BUDGETS.deepPageRatio}`,
      actual: ratio.toFixed(2),
      ok: ratio <= BUDGETS.deepPageRatio,
    });
  } else {
    checks.push({
      budget: 'Timeline page read 100,000 events deep / first page read (p95)',
      limit: `≤ ${BUDGETS.deepPageRatio}`,
      actual: 'not measured',
      ok: false,
    });
  }
  const share = r.http.trpc.perSecond / Math.max(r.http.routeHandler.perSecond, 1);
  checks.push({
    budget: 'Authenticated tRPC reads/s as a share of the plain route handler',
    limit: `≥ ${BUDGETS.trpcShareOfRouteHandler * 100}%`,
    actual: `${Math.round(share * 100)}%`,
    ok: share >= BUDGETS.trpcShareOfRouteHandler,
  });
  // A server's writes come from many requests at once: the budget is for 20 writers, as on
  // PostgreSQL (issue #19). One writer at a time is reported: it is bound by the disk's fsync.
  const w = r.noteWritesConcurrent;
  checks.push({
    budget: `SQLite: notes added per second in-process, ${writersLabel(w)} (${w.durability})`,
    limit: `≥ ${BUDGETS.noteWritesPerSecond}`,
    actual: String(w.perSecond),
    ok: w.perSecond >= BUDGETS.noteWritesPerSecond && w.writers >= 20 && w.durability === 'synchronous=FULL',
  });
  if (r.postgres) {
    for (const u of r.postgres.useCases) {
      checks.push({
        budget: `PostgreSQL: ${u.title}: p95`,
        limit: `≤ ${ms(u.budgetMs)}`,
        actual: ms(u.p95),
        ok: u.p95 <= u.budgetMs,
      });
    }
    const pg = r.postgres.noteWrites;
    checks.push({
      budget: `PostgreSQL: notes added per second in-process, ${writersLabel(pg)} (${pg.durability})`,
      limit: `≥ ${BUDGETS.noteWritesPerSecond}`,
      actual: String(pg.perSecond),
      ok: pg.perSecond >= BUDGETS.noteWritesPerSecond && pg.writers >= 20 && pg.durability === 'synchronous_commit=on',
    });
  }
  for (const [name, load] of Object.entries({
    'bare Node http': r.http.raw,
    'route handler': r.http.routeHandler,
    tRPC: r.http.trpc,
    'notes over HTTP': r.http.noteWrites,
    'every page, 20 users at once': r.http.pages,
    'every page, as fast as answered': r.http.pageThroughput,
  })) {
    checks.push({
      budget: `Every response a success (${name})`,
      limit: '0 errors, 0 non-2xx',
      actual: `${load.errors} errors, ${load.non2xx} non-2xx`,
      ok: load.errors === 0 && load.non2xx === 0 && load.requests > 0,
    });
  }
  checks.push({
    budget: `Every page at once, ${r.http.connections} users each reading a page for about a second: p95`,
    limit: `≤ ${ms(BUDGETS.mixedPagesMs)}`,
    actual: ms(r.http.pages.p95),
    ok: r.http.pages.requests > 0 && r.http.pages.p95 <= BUDGETS.mixedPagesMs,
  });
  if (r.pageTimes.length === 0)
    checks.push({ budget: 'Every page opened over HTTP', limit: 'every page', actual: 'not measured', ok: false });
  for (const page of r.pageTimes) {
    checks.push({
      budget: `Page ${shortPath(page.path)}: p95, one user`,
      limit: `≤ ${ms(BUDGETS.pageMs)}`,
      actual: ms(page.p95),
      ok: page.p95 <= BUDGETS.pageMs,
    });
    checks.push({
      budget: `Page ${shortPath(page.path)}: HTML`,
      limit: `≤ ${BUDGETS.pageHtmlKb} kB`,
      actual: `${page.htmlKb} kB`,
      ok: page.htmlKb <= BUDGETS.pageHtmlKb,
    });
  }
  for (const page of r.pages) {
    checks.push({
      budget: `First-load JS, ${page.path}`,
      limit: `≤ ${BUDGETS.firstLoadKb} kB gzip`,
      actual: `${page.gzipKb} kB`,
      ok: page.files > 0 && page.gzipKb <= BUDGETS.firstLoadKb,
    });
  }
  return checks;
}
