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
runOrExit('npx', ['playwright', 'test', ...process.argv.slice(2)], env);
// No name or NHS number in any URL or server log line of the run.
runOrExit('npx', ['tsx', 'scripts/scan-e2e-log.ts'], env);
