// Shared by the load test (scripts/load-test.ts) and the benchmark (scripts/bench/): starting a
// production server and driving it with autocannon on loopback.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';

/** Starts `command` in its own process group, waits until `readyUrl` answers 200, and returns how to stop it. */
export async function startServer(command: string[], env: NodeJS.ProcessEnv, readyUrl: string, label = 'the server') {
  const child = spawn(command[0]!, command.slice(1), { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (
    let i = 0;
    !(await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (exited) throw new Error(`${label} exited before it was ready`);
    if (i > 240) throw new Error(`${label} did not start within 2 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return async () => {
    stop();
    for (let i = 0; !exited && i < 40; i++) await new Promise((r) => setTimeout(r, 250));
  };
}

export type LoadResult = { requests: number; perSecond: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

/** The value at percentile `p` of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs autocannon and keeps every response time, for exact percentiles (its summary has p97.5, not p95). */
export async function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
}): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        requests: options.requests,
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / options.seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
