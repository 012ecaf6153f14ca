import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_ROUTES } from './pages';
import { scriptSources } from './first-load-js';
import { checkBudgets, type BenchResults } from './budgets';
import { renderResults } from './report';

function pageRoutes(dir = 'app', route = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'api' ? [] : pageRoutes(join(dir, entry.name), `${route}/${entry.name}`);
    return entry.name === 'page.tsx' ? [route || '/'] : [];
  });
}

describe('the benchmark', () => {
  it('weighs every page of the app', () => {
    expect(Object.keys(PAGE_ROUTES).sort()).toEqual(pageRoutes().sort());
  });

  it('counts the same-origin scripts a page loads, once each', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/a.js"></script><script src="https://example.com/x.js"></script><script>inline()</script><script nonce="n" src="/_next/static/chunks/b.js?dpl=1&amp;x=2"></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script>';
    expect(scriptSources(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js?dpl=1&x=2']);
  });

  const load = { requests: 100, perSecond: 100, p50: 5, p95: 9, p99: 12, errors: 0, non2xx: 0 };
  const results = (over: Partial<BenchResults> = {}): BenchResults => ({
    ranAt: '',
    machine: {},
    data: {},
    useCases: [
      { id: 'timelineFirstRead', title: 'first', budgetMs: 15, runs: 10, rows: 20, p50: 2, p95: 4, p99: 5 },
      { id: 'timelineDeepRead', title: 'deep', budgetMs: 15, runs: 10, rows: 20, p50: 2, p95: 5, p99: 6 },
      { id: 'caseload', title: 'Caseload, first page (mine)', budgetMs: 15, runs: 200, rows: 25, p50: 3, p95: 6, p99: 8 },
    ],
    measuresComputedAfresh: [
      {
        id: 'fresh.all',
        title: 'All measures, every organisation (12 weeks)',
        budgetMs: 0,
        runs: 5,
        rows: 9,
        p50: 4000,
        p95: 4100,
        p99: 4100,
      },
    ],
    noteWritesInProcess: { writes: 30_000, seconds: 10, perSecond: 3000, writers: 1, durability: 'synchronous=FULL' },
    noteWritesConcurrent: { writes: 40_000, seconds: 10, perSecond: 4000, writers: 20, durability: 'synchronous=FULL' },
    postgres: {
      version: '15.18',
      settings: { synchronous_commit: 'on' },
      moveSeconds: 120,
      rowsMoved: 6_000_000,
      useCases: [{ id: 'caseload', title: 'Caseload, first page (mine)', budgetMs: 15, runs: 200, rows: 25, p50: 4, p95: 9, p99: 12 }],
      noteWrites: { writes: 25_000, seconds: 10, perSecond: 2500, writers: 20, durability: 'synchronous_commit=on' },
    },
    http: {
      raw: { ...load, perSecond: 1000 },
      routeHandler: load,
      trpc: { ...load, perSecond: 60 },
      noteWrites: load,
      pages: { ...load, p95: 240 },
      pageThroughput: { ...load, p95: 900, perSecond: 40 },
      connections: 20,
      seconds: 10,
    },
    pageTimes: [{ path: '/caseload', as: 'navigator', status: 200, runs: 40, p50: 20, p95: 50, htmlKb: 150 }],
    pages: [{ path: '/caseload', as: 'navigator', files: 9, gzipKb: 150 }],
    ...over,
  });

  it('passes a run within every budget and names each one missed', () => {
    expect(checkBudgets(results()).filter((c) => !c.ok)).toEqual([]);
    // Measures computed afresh are background work: reported, never a budget.
    const report = renderResults(results(), checkBudgets(results()));
    expect(report).toContain('| All measures, every organisation (12 weeks) | 5 | 4000 | 4100 | 4100 |');
    expect(report).toContain('| /caseload | navigator | 200 | 20 | 50 | 150 |');
    // Both engines side by side: PostgreSQL's p95 as a multiple of SQLite's, and each one's note writes.
    expect(report).toContain('| Caseload, first page (mine) | 3 | 6 | 4 | 9 | 1.50 | ≤ 15 ms | met |');
    expect(report).toContain(
      '| PostgreSQL: use-case function in-process, 20 writers at once (synchronous_commit=on, 25,000 notes in 10 s) | 2,500 |',
    );
    expect(report).toContain('| SQLite: use-case function in-process, one writer (synchronous=FULL, 30,000 notes in 10 s) | 3,000 |');
    expect(report).toContain('| Every page, 20 users each reading a page for about a second | 100 | 5 | 240 | 12 | 0 | 0 |');
    expect(report).toContain('| Page throughput: every page, 20 connections as fast as answered | 40 | 5 | 900 | 12 | 0 | 0 |');
    // A run that timed no page has not met the page budgets.
    expect(
      checkBudgets(results({ pageTimes: [] }))
        .filter((c) => !c.ok)
        .map((c) => c.budget),
    ).toEqual(['Every page opened over HTTP']);
    const bad = results({
      useCases: [
        { id: 'timelineFirstRead', title: 'first', budgetMs: 15, runs: 10, rows: 20, p50: 2, p95: 4, p99: 5 },
        { id: 'timelineDeepRead', title: 'deep', budgetMs: 15, runs: 10, rows: 20, p50: 9, p95: 16, p99: 20 },
      ],
      noteWritesInProcess: { writes: 10_000, seconds: 10, perSecond: 1000, writers: 1, durability: 'synchronous=FULL' },
      noteWritesConcurrent: { writes: 30_000, seconds: 10, perSecond: 3000, writers: 20, durability: 'synchronous=NORMAL' },
      postgres: {
        version: '15.18',
        settings: {},
        moveSeconds: 120,
        rowsMoved: 6_000_000,
        useCases: [{ id: 'searchName', title: 'Search by name prefix', budgetMs: 20, runs: 200, rows: 25, p50: 9, p95: 21, p99: 30 }],
        noteWrites: { writes: 19_990, seconds: 10, perSecond: 1999, writers: 20, durability: 'synchronous_commit=on' },
      },
      http: {
        raw: load,
        routeHandler: load,
        trpc: { ...load, perSecond: 59 },
        noteWrites: { ...load, non2xx: 3 },
        pages: { ...load, p95: 251, errors: 1 },
        pageThroughput: load,
        connections: 20,
        seconds: 10,
      },
      pageTimes: [
        { path: '/mdt', as: 'navigator', status: 200, runs: 40, p50: 30, p95: 51, htmlKb: 90 },
        { path: '/patients/0b3a5c1e-1111-4222-8333-944445555666', as: 'navigator', status: 200, runs: 40, p50: 9, p95: 12, htmlKb: 151 },
      ],
      pages: [{ path: '/metrics', as: 'navigator', files: 12, gzipKb: 181 }],
    });
    expect(
      checkBudgets(bad)
        .filter((c) => !c.ok)
        .map((c) => c.budget),
    ).toEqual([
      'deep: p95',
      'Timeline page read 100,000 events deep / first page read (p95)',
      'Authenticated tRPC reads/s as a share of the plain route handler',
      // Fast enough, but not durable: a figure with commits not flushed meets no budget. (One
      // writer at a time, 1,000 a second, is reported, not budgeted.)
      'SQLite: notes added per second in-process, 20 writers at once (synchronous=NORMAL)',
      'PostgreSQL: Search by name prefix: p95',
      'PostgreSQL: notes added per second in-process, 20 writers at once (synchronous_commit=on)',
      'Every response a success (notes over HTTP)',
      'Every response a success (every page, 20 users at once)',
      'Every page at once, 20 users each reading a page for about a second: p95',
      'Page /mdt: p95, one user',
      'Page /patients/…: HTML',
      'First-load JS, /metrics',
    ]);
  });
});
