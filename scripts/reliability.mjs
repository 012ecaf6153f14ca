// `npm run test:reliability`: the long runs behind `npm test` (CI runs both): many more crash kill
// points and generated bad inputs, then the load run against the production build, then the
// PostgreSQL failover drill (scripts/failover-drill.ts).
import { existsSync } from 'node:fs';
import { runOrExit } from './run.mjs';

const env = {
  ...process.env,
  CRASH_RUNS: process.env.CRASH_RUNS ?? '20',
  BAD_INPUT_RUNS: process.env.BAD_INPUT_RUNS ?? '300',
};
console.log('\n=== Crash (20 kill points), bad input (300 per procedure), backup drill ===');
// The long runs on SQLite (as before PostgreSQL came); on PostgreSQL these suites run at their usual
// size in `npm test`, and the failover drill below is PostgreSQL's own.
runOrExit(
  'npx',
  ['vitest', 'run', '--project', 'Europe/London', 'test/reliability/durability.test.ts', 'test/reliability/bad-input.test.ts'],
  env,
);
if (!existsSync('.next/BUILD_ID')) runOrExit('npx', ['next', 'build'], { ...env, NEXT_TELEMETRY_DISABLED: '1', CARENAV_DEMO: 'true' });
console.log('\n=== Load ===');
runOrExit('npx', ['tsx', 'scripts/load-test.ts'], env);
console.log('\n=== Failover drill: PostgreSQL primary killed mid-storm, replica promoted ===');
runOrExit('npx', ['tsx', 'scripts/failover-drill.ts'], env);
console.log('\nReliability runs passed.');
