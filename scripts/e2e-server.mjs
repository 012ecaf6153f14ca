// Starts the production build on a fresh, seeded database for the e2e suite (Playwright's webServer).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOrExit, run } from './run.mjs';

const port = process.env.E2E_PORT ?? '3100';
const dir = mkdtempSync(join(tmpdir(), 'carenav-e2e-'));
const env = {
  ...process.env,
  CARENAV_DEMO: 'true',
  DATABASE_URL: `file:${join(dir, 'carenav.db')}`,
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
  NEXTAUTH_URL: `http://localhost:${port}`,
  TZ: 'Europe/London',
};
runOrExit('npx', ['tsx', 'db/seed/cli.ts'], env);
process.exit(run('npx', ['next', 'start', '-p', port], env));
