// Load on loopback, bounded to 60 s: signed-in users mixing caseload, a person's record, timeline
// paging, search and adding notes against the production build on a seeded demo database.
// Fails unless every response is a success (0 errors, 0 non-2xx). Prints throughput and latency.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOrExit } from './run.mjs';

const port = process.env.LOAD_PORT ?? '3300';
const base = `http://localhost:${port}`;
const seconds = Math.min(Number(process.env.LOAD_SECONDS ?? 30), 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'carenav-load-'));
const env = {
  ...process.env,
  CARENAV_DEMO: 'true',
  DATABASE_URL: `file:${join(dir, 'carenav.db')}`,
  NEXTAUTH_SECRET: 'load-test-only-secret-not-for-production-0123456789',
  NEXTAUTH_URL: base,
  TZ: 'Europe/London',
  NEXT_TELEMETRY_DISABLED: '1',
  // The per-user search limit protects against bulk look-ups; here it would only measure itself.
  CARENAV_SEARCHES_PER_MINUTE: '1000000',
  CARENAV_LOG_LEVEL: 'warn',
};

runOrExit('npx', ['tsx', 'db/seed/cli.ts'], env);
const server = spawn('npx', ['next', 'start', '-p', port], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } };
process.on('exit', stop);

async function waitUp() {
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

async function signIn(email) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password: 'demo-password', json: 'true' }),
    redirect: 'manual',
  });
  const cookie = [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  if (!cookie.includes('session-token=')) throw new Error(`could not sign in as ${email}`);
  return cookie;
}

const query = (path, input) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

await waitUp();
// Two navigators' worth of sessions (the demo navigator and GP), each reading and writing their own people.
const users = [];
for (const email of ['navigator@demo.carenav.test', 'gp@demo.carenav.test']) {
  const cookie = await signIn(email);
  const get = (path) => fetch(`${base}${path}`, { headers: { cookie } }).then((r) => r.json());
  const caseload = email.startsWith('navigator') ? (await get(query('patients.caseload', { scope: 'team' }))).result.data.rows : null;
  let people = caseload?.map((r) => r.id) ?? [];
  for (const letters of ['Ha', 'Ma', 'Th', 'Pa', 'Do', 'Ke', 'Ar']) {
    if (people.length) break;
    const found = await get(query('patients.search', { query: letters }));
    if (!found.result) throw new Error(`search failed for ${email}: ${JSON.stringify(found.error?.message)}`);
    people = found.result.data.results.filter((r) => r.canOpen).map((r) => r.id);
  }
  const patientId = people[0];
  const firstPage = (await get(query('timeline.list', { patientId, limit: 10 }))).result.data;
  users.push({ email, cookie, patientId, cursor: firstPage.nextCursor, canCaseload: !!caseload });
}

const requests = [];
for (const u of users) {
  const headers = { cookie: u.cookie };
  requests.push(
    ...(u.canCaseload ? [{ method: 'GET', path: '/caseload', headers }] : [{ method: 'GET', path: '/patients', headers }]),
    { method: 'GET', path: `/patients/${u.patientId}`, headers },
    { method: 'GET', path: query('timeline.list', { patientId: u.patientId, limit: 25 }), headers },
    ...(u.cursor ? [{ method: 'GET', path: query('timeline.list', { patientId: u.patientId, limit: 10, cursor: u.cursor }), headers }] : []),
    { method: 'GET', path: query('patients.search', { query: 'Ha' }), headers },
    { method: 'POST', path: '/api/trpc/timeline.add', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ patientId: u.patientId, type: 'note', text: 'Load test note', occurredAt: Date.now() - 60_000 }) },
  );
}

// Every response time, for exact percentiles (autocannon's own summary has p97.5, not p95).
const times = [];
const instance = autocannon({ url: base, connections, duration: seconds, requests });
instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
const result = await instance;
stop();
times.sort((a, b) => a - b);
const pct = (p) => Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]);
const ok = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && result['5xx'] === 0;
const rps = Math.round(result.requests.average);
console.log(`\nLoad: ${connections} connections for ${seconds} s, ${requests.length} request kinds across ${users.length} signed-in users`);
console.log(`| requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | 5xx |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|`);
console.log(`| ${result.requests.total} | ${rps} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${result.errors + result.timeouts} | ${result.non2xx} | ${result['5xx']} |`);
if (!ok) {
  console.error('carenav: the load run had errors or non-2xx responses.');
  process.exit(1);
}
process.exit(0);
