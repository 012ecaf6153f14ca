// Builds the app for production and runs the Playwright suite against it in Debian's Chromium.
import { existsSync } from 'node:fs';
import { aptInstall, isRoot } from './lib/apt.mjs';
import { runOrExit } from './run.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (isRoot()) {
    console.log('Chromium is missing: installing Debian’s chromium package (about 25 s)…');
    aptInstall(['chromium']);
  } else {
    console.error(
      `carenav: the e2e tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CARENAV_DEMO: 'true' };
runOrExit('npx', ['next', 'build'], env);
const args = process.argv.slice(2);
runOrExit('npx', ['playwright', 'test', ...args], env);
// No name or NHS number in any URL or server log line of the run.
runOrExit('npx', ['tsx', 'scripts/scan-e2e-log.ts'], env);
// Then on PostgreSQL (issue #19): each role's main journey, through a proxy sharing the requests
// between two carenav instances on one database (scripts/e2e-server.mjs). Skipped when the run was
// narrowed to some specs (arguments given).
if (args.length === 0) {
  console.log('\n=== End-to-end on PostgreSQL: one journey per role, two instances behind a proxy ===');
  runOrExit('npx', ['playwright', 'test', 'e2e/role-journeys.spec.ts', '--grep', 'main journey at 1280 px'], {
    ...env,
    E2E_ENGINE: 'postgres',
  });
}
