// Load on loopback, bounded to 60 s: signed-in users mixing caseload, a person's record, timeline
// paging, search and adding notes against the production build on a seeded demo database.
// Fails unless every response is a success (0 errors, 0 non-2xx). Prints throughput and latency.
import type autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, trpc, type Session } from '../e2e/http';
import { runLoad, startServer } from './lib/load';

const port = process.env.LOAD_PORT ?? '3300';
const base = `http://localhost:${port}`;
const seconds = Math.min(Number(process.env.LOAD_SECONDS ?? 30), 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 20);
const env = {
  ...process.env,
  CARENAV_DEMO: 'true',
  DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'carenav-load-')), 'carenav.db')}`,
  NEXTAUTH_SECRET: 'load-test-only-secret-not-for-production-0123456789',
  NEXTAUTH_URL: base,
  NEXT_TELEMETRY_DISABLED: '1',
  // The per-user search limit protects against bulk look-ups; here it would only measure itself.
  CARENAV_SEARCHES_PER_MINUTE: '1000000',
  CARENAV_LOG_LEVEL: 'warn',
};

const query = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
type Row = { id: string; canOpen?: boolean };

/** A signed-in user, one of their people, and a cursor into that person's timeline. */
async function prepareUser(email: string) {
  const session: Session = (await signIn(base, email, 'demo-password')).session;
  const caseload = email.startsWith('navigator')
    ? ((await trpc(base, session, 'patients.caseload', { scope: 'team' })).data?.rows as Row[])
    : null;
  let people = caseload?.map((r) => r.id) ?? [];
  for (const letters of ['Ha', 'Ma', 'Th', 'Pa', 'Do', 'Ke', 'Ar']) {
    if (people.length) break;
    const found = await trpc(base, session, 'patients.search', { query: letters });
    if (!found.data) throw new Error(`search failed for ${email}: ${found.message}`);
    people = (found.data.results as Row[]).filter((r) => r.canOpen).map((r) => r.id);
  }
  const patientId = people[0]!;
  const cursor = (await trpc(base, session, 'timeline.list', { patientId, limit: 10 })).data?.nextCursor as string | null;
  return { session, patientId, cursor, canCaseload: !!caseload };
}

async function main() {
  const seeded = spawnSync('npx', ['tsx', 'db/seed/cli.ts'], { env, stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('seeding the load database failed');
  const stop = await startServer(['npx', 'next', 'start', '-p', port], env, `${base}/api/health`);

  // The demo navigator and GP, each reading and writing their own people.
  const users = [await prepareUser('navigator@demo.carenav.test'), await prepareUser('gp@demo.carenav.test')];
  const requests: autocannon.Request[] = users.flatMap((u) => {
    const headers = { cookie: u.session.cookie };
    return [
      { method: 'GET' as const, path: u.canCaseload ? '/caseload' : '/patients', headers },
      { method: 'GET' as const, path: `/patients/${u.patientId}`, headers },
      { method: 'GET' as const, path: query('timeline.list', { patientId: u.patientId, limit: 25 }), headers },
      ...(u.cursor
        ? [{ method: 'GET' as const, path: query('timeline.list', { patientId: u.patientId, limit: 10, cursor: u.cursor }), headers }]
        : []),
      { method: 'GET' as const, path: query('patients.search', { query: 'Ha' }), headers },
      {
        method: 'POST' as const,
        path: '/api/trpc/timeline.add',
        headers: { ...headers, 'content-type': 'application/json', origin: new URL(base).origin },
        body: JSON.stringify({ patientId: u.patientId, type: 'note', text: 'Load test note', occurredAt: Date.now() - 60_000 }),
      },
    ];
  });

  const result = await runLoad({ url: base, connections, seconds, requests });
  await stop();
  const failed = result.errors + result.non2xx;
  console.log(
    `\nLoad: ${connections} connections for ${seconds} s, ${requests.length} request kinds across ${users.length} signed-in users`,
  );
  console.log('| requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${result.requests} | ${result.perSecond} | ${result.p50} | ${result.p95} | ${result.p99} | ${result.errors} | ${result.non2xx} |`,
  );
  if (failed > 0) throw new Error('the load run had errors or non-2xx responses');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`carenav: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
