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

/** How many times every page is opened, in turn, before any is timed. */
export const WARM_ROUNDS = 5;

/**
 * Each page `runs` times, one request at a time, on a server that has been running: first every page
 * is opened WARM_ROUNDS times in turn (the code every page shares is compiled and the database pages
 * they read are in memory, as on a server that has been up for a while), then each page is opened a
 * few more unmeasured times just before its own runs.
 */
export async function timePages(base: string, pages: PageRequest[], runs: number): Promise<PageTime[]> {
  for (let round = 0; round < WARM_ROUNDS; round++) for (const page of pages) await open(base, page);
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

/** How long a user reads a page before opening the next, on average (each wait is ½ to 1½ times this). */
export const THINK_MS = 1_000;

/**
 * `users` people at once, each opening every page in turn (each starting at a different one), reading
 * each for about a second (½–1½ s, the same waits every run) before opening the next: the mixed page
 * load. Users start within the first second, not all at the same instant, as people do.
 */
export async function simulateUsers(base: string, pages: PageRequest[], users: number, seconds: number): Promise<LoadResult> {
  let seed = 18;
  const random = () => {
    // mulberry32: a small seeded generator, so every run waits the same.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const until = performance.now() + seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const user = async (u: number) => {
    await sleep(random() * 1000);
    for (let i = Math.floor((u * pages.length) / users); performance.now() < until; i++) {
      try {
        const { status, ms } = await open(base, pages[i % pages.length]!);
        times.push(ms);
        if (status < 200 || status >= 300) non2xx++;
      } catch {
        errors++;
      }
      await sleep(THINK_MS * (0.5 + random()));
    }
  };
  await Promise.all(Array.from({ length: users }, (_, u) => user(u)));
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: Math.round(times.length / seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors,
    non2xx,
  };
}

/** Every page in turn on each of `connections` connections at once, each opening the next page as soon as the last arrives: the server's page throughput. */
export function pageThroughput(base: string, pages: PageRequest[], connections: number, seconds: number): Promise<LoadResult> {
  const requests: autocannon.Request[] = pages.map((p) => ({ method: 'GET', path: p.path, headers: p.cookie ? { cookie: p.cookie } : {} }));
  return runLoad({ url: base, connections, seconds, requests });
}
