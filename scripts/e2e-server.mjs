// Starts the production build on a fresh, seeded database for the e2e suite (Playwright's webServer).
// Its log goes to e2e/.run/server.log too, and the database path to e2e/.run/database, so that
// scripts/scan-e2e-log.ts can check afterwards that no name or NHS number reached a log line.
//
// With E2E_ENGINE=postgres (issue #19): a throwaway PostgreSQL server, and two carenav instances on
// it behind a small round-robin proxy on the e2e port, as production runs several instances behind
// a load balancer: consecutive requests of one browser go to different instances.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOrExit } from './run.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { roundRobinProxy } from './lib/proxies.mjs';

const port = process.env.E2E_PORT ?? '3100';
const postgres = process.env.E2E_ENGINE === 'postgres';
const dir = mkdtempSync(join(tmpdir(), 'carenav-e2e-'));
const database = join(dir, 'carenav.db');
const pg = postgres ? await startPostgres({ database: 'carenav' }) : undefined;
const env = {
  ...process.env,
  CARENAV_DEMO: 'true',
  DATABASE_URL: pg ? pg.url : `file:${database}`,
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
  NEXTAUTH_URL: `http://localhost:${port}`,
  // Like most servers: every time carenav shows must still be England's (e2e/england-time.spec.ts).
  TZ: 'UTC',
  // Two workers share each demo account across about a hundred tests, which is more look-ups a
  // minute than one person makes. The limit itself is tested at this value in e2e/reliability.spec.ts
  // (playwright.config.ts sets it for both) and at the default in the integration tests.
  CARENAV_SEARCHES_PER_MINUTE: process.env.CARENAV_SEARCHES_PER_MINUTE ?? '600',
};
mkdirSync('e2e/.run', { recursive: true });
writeFileSync('e2e/.run/database', pg ? pg.url : database);
const logFile = createWriteStream('e2e/.run/server.log');
const tee = (from, to) =>
  from.on('data', (chunk) => {
    to?.write(chunk);
    logFile.write(chunk);
  });

runOrExit('npx', ['tsx', 'db/seed/cli.ts'], env);
const ports = postgres ? [Number(port) + 1, Number(port) + 2] : [Number(port)];
const servers = ports.map((p) => {
  const server = spawn('npx', ['next', 'start', '-p', String(p)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // The request log (one line per request) goes to the file only; errors are shown as they happen.
  tee(server.stdout, null);
  tee(server.stderr, process.stderr);
  return server;
});

// Round robin: each request to the next instance. Nothing is sticky: sessions are in the database.
if (postgres) roundRobinProxy(Number(port), ports);

let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  for (const server of servers) server.kill('SIGTERM');
  await pg?.stop();
  logFile.end(() => process.exit(code));
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
for (const server of servers) server.on('exit', (code) => void stop(code ?? 1));
