// Every page opened over HTTP as the user who would open it: server response time (to the last byte
// of the HTML) one request at a time, the HTML's size, and a mixed load of every page at once.
import type autocannon from 'autocannon';
import { percentile, runLoad, type LoadResult } from '../lib/load';

export type PageTime = { path: string; as: string; status: number; runs: number; p50: number; p95: number; htmlKb: number };

export type PageRequest = { path: string; as: string; cookie: string | null };

/** A page's path with its ids elided, as the tables show it. */
export const shortPath = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…');

const round = (n: number) => Math.round(n * 10) / 10;

async function open(base: string, page: PageRequest): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  // A redirect is the page's answer (the sign-in page sends a signed-in user on): timed as it is.
  const response = await fetch(`${base}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {}, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength, ms: performance.now() - started };
}

/** Each page `runs` times, one request at a time, after a few unmeasured requests to warm it. */
export async function timePages(base: string, pages: PageRequest[], runs: number): Promise<PageTime[]> {
  const results: PageTime[] = [];
  for (const page of pages) {
    for (let i = 0; i < 3; i++) await open(base, page);
    const times: number[] = [];
    let last = { status: 0, bytes: 0, ms: 0 };
    for (let i = 0; i < runs; i++) {
      last = await open(base, page);
      if (last.status >= 400) throw new Error(`${page.path} (as ${page.as}) answered ${last.status}`);
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    results.push({
      path: page.path,
      as: page.as,
      status: last.status,
      runs,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      htmlKb: round(last.bytes / 1024),
    });
  }
  return results;
}

/** How often each of the simultaneous users opens a page: one a second, reading as fast as anyone does. */
export const PAGES_PER_USER_PER_SECOND = 1;

/**
 * Every page in turn on each of `connections` connections at once: the mixed page load. With
 * `perUserPerSecond`, each connection is a user opening that many pages a second; without, each
 * opens the next page as soon as the last arrives (the server's page throughput).
 */
export function mixedPageLoad(
  base: string,
  pages: PageRequest[],
  connections: number,
  seconds: number,
  perUserPerSecond?: number,
): Promise<LoadResult> {
  const requests: autocannon.Request[] = pages.map((p) => ({ method: 'GET', path: p.path, headers: p.cookie ? { cookie: p.cookie } : {} }));
  return runLoad({ url: base, connections, seconds, requests, connectionRate: perUserPerSecond });
}
