// `npm test`: typecheck, lint, unit and integration tests, then the Playwright e2e suite on a production build.
import { runOrExit } from './run.mjs';
import { ensurePostgresInstalled } from './lib/postgres.mjs';

const steps = [
  ['Typecheck', 'npx', ['tsc', '--noEmit']],
  ['Formatting (Prettier; `npm run format` fixes it)', 'npx', ['prettier', '--check', '--log-level=warn', '.']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['Migrations match the schema', 'node', ['scripts/check-migrations.mjs']],
  ['Unit and integration tests', 'npx', ['vitest', 'run']],
  ['End-to-end tests', 'node', ['scripts/e2e.mjs']],
];
// The integration tests start throwaway PostgreSQL servers: install Debian's package first (as root)
// rather than inside a test's time limit.
console.log('\n=== PostgreSQL for the tests ===');
console.log(`PostgreSQL binaries: ${ensurePostgresInstalled()}`);
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  // After the typecheck above, the e2e step's production build need not check the types again.
  runOrExit(command, args, { ...process.env, CARENAV_TYPECHECKED: '1' });
}
console.log('\nAll checks passed.');
