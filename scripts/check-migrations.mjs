// Fails when a schema changed without a committed migration (drizzle-kit would generate a new one):
// the SQLite tree (db/schema → drizzle/) and the PostgreSQL tree (db/schema-pg → drizzle-pg/).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

const ENGINES = [
  { out: 'drizzle', config: 'drizzle.config.ts', schema: 'db/schema', generate: 'npm run db:generate' },
  {
    out: 'drizzle-pg',
    config: 'drizzle-pg.config.ts',
    schema: 'db/schema-pg',
    generate: 'npx drizzle-kit generate --config drizzle-pg.config.ts',
  },
];

let failed = false;
for (const { out, config, schema, generate } of ENGINES) {
  const before = new Set(readdirSync(out));
  const metaBefore = new Set(readdirSync(`${out}/meta`));
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', config, '--name', 'uncommitted_check'], { stdio: 'pipe' });
  const added = readdirSync(out).filter((f) => !before.has(f));
  if (added.length > 0) {
    for (const f of added) rmSync(`${out}/${f}`);
    // The new snapshot too (git checkout restores the journal, not files it never had).
    for (const f of readdirSync(`${out}/meta`).filter((f) => !metaBefore.has(f))) rmSync(`${out}/meta/${f}`);
    execFileSync('git', ['checkout', '--', `${out}/meta`], { stdio: 'inherit' });
    console.error(`The database schema (${schema}) has changes with no migration. Run \`${generate}\` and commit ${out}/.`);
    failed = true;
  } else {
    console.log(`${out}/ is up to date with ${schema}.`);
  }
}
if (failed) process.exit(1);
