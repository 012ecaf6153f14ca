// Fails when the schema changed without a committed migration (drizzle-kit would generate a new one).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

const before = new Set(readdirSync('drizzle'));
execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'uncommitted_check'], { stdio: 'pipe' });
const added = readdirSync('drizzle').filter((f) => !before.has(f));
if (added.length > 0) {
  for (const f of added) rmSync(`drizzle/${f}`);
  execFileSync('git', ['checkout', '--', 'drizzle/meta'], { stdio: 'inherit' });
  console.error('The database schema has changes with no migration. Run `npm run db:generate` and commit drizzle/.');
  process.exit(1);
}
console.log('drizzle/ is up to date with db/schema.');
