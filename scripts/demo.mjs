// `npm run demo`: create and migrate the database, load the demo area, build, and serve on :3000.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { run, runOrExit } from './run.mjs';

const env = {
  ...process.env,
  CARENAV_DEMO: 'true',
  DATABASE_URL: process.env.DATABASE_URL ?? 'file:./data/carenav.db',
  NEXT_TELEMETRY_DISABLED: '1',
};
const port = process.env.PORT ?? '3000';
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

// next-auth needs a secret at start-up. The demo makes one once and keeps it, so sessions survive restarts.
const secretFile = 'data/.nextauth-secret';
if (!env.NEXTAUTH_SECRET) {
  mkdirSync('data', { recursive: true });
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(secretFile, 'utf8').trim();
}

runOrExit('npx', ['tsx', 'db/seed/cli.ts'], env);
runOrExit('npx', ['next', 'build'], env);
console.log(`\ncarenav demo: open http://localhost:${port} and sign in with one of the accounts above.\n`);
process.exit(run('npx', ['next', 'start', '-p', port], env));
