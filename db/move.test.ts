// Moving a SQLite carenav database into PostgreSQL (issue #19: `npm run db:move`, `db:synth --to`).
// Runs in the PostgreSQL project: the source files are made by the real scripts in child processes
// (their DATABASE_URL is a SQLite file), the target is an empty database on the test server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Database } from './sqlite';
import { createPgDb, poolOf } from './pg-client';
import { moveDatabase } from './move';
import { DEMO_PASSWORD } from './factories';
import { emptyPgDatabaseUrl } from '../test/db';
import { verifyCredentials } from '../server/auth/verify-credentials';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;
const dir = mkdtempSync(join(tmpdir(), 'carenav-move-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one of the project's scripts as a user would, on the SQLite file `file`. */
function script(path: string, args: string[], file: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, CARENAV_DEMO: 'true', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function sqliteCounts(file: string, tables: string[]): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select count(*) from "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

// Each test runs the real scripts in child processes: seconds each, more on a busy machine.
describe.runIf(onPostgres)('moving the embedded database into PostgreSQL', { timeout: 120_000 }, () => {
  it('copies the demo data with every row count and checksum matching; people sign in and the logs stay append-only', async () => {
    const file = join(dir, 'demo.db');
    const seeded = script('db/seed/cli.ts', [], file);
    expect(seeded.output).toContain('Loaded the demo area');
    const to = await emptyPgDatabaseUrl();
    const advanced: number[] = [];
    const report = await moveDatabase({
      from: file,
      to,
      batchRows: 50,
      progress: { start: () => undefined, advance: (rows) => advanced.push(rows), stop: () => undefined },
    });
    const tables = report.tables.map((t) => t.table);
    expect(tables).toEqual(expect.arrayContaining(['patients', 'audit_log', 'timeline_events', 'users', 'consents']));
    const counts = sqliteCounts(file, tables);
    expect(Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))).toEqual(counts);
    expect(counts.patients).toBeGreaterThan(10);
    // In batches (of 50 rows here), every row counted by the progress.
    expect(Math.max(...advanced)).toBeLessThanOrEqual(50);
    expect(advanced.reduce((a, b) => a + b, 0)).toBe(report.rows);

    const db = createPgDb(to, { max: 2 });
    try {
      const signIn = await verifyCredentials(db, 'navigator@demo.carenav.test', DEMO_PASSWORD);
      expect(signIn).toMatchObject({ ok: true });
      await expect(db.run(sql`update audit_log set action = 'changed'`)).rejects.toThrow();
      await expect(db.run(sql`delete from timeline_events`)).rejects.toThrow();

      // A second move into it is refused, and changes nothing.
      await expect(moveDatabase({ from: file, to })).rejects.toThrow(/not empty: \w+ has \d+ rows?/);
      const after = await db.get<{ n: number }>(sql`select count(*) as n from patients`);
      expect(after?.n).toBe(counts.patients);
    } finally {
      await poolOf(db).end();
    }
  });

  it('db:synth --to fills PostgreSQL with generated people, marked as synthetic for the benchmark', async () => {
    const to = await emptyPgDatabaseUrl();
    const out = join(dir, 'synth.db');
    const run = script('db/seed/synth-cli.ts', ['--people', '40', '--out', out, '--to', to], join(dir, 'unused.db'));
    expect(run.output).toMatch(/rows into PostgreSQL in \d+ s, verified table by table/);
    expect(run.status).toBe(0);
    const db = createPgDb(to, { max: 1 });
    try {
      expect((await db.get<{ n: number }>(sql`select count(*) as n from patients`))?.n).toBe(40);
      expect((await db.get<{ people: number }>(sql`select people from carenav_synthetic`))?.people).toBe(40);
    } finally {
      await poolOf(db).end();
    }
  });

  it('the command refuses a target that is not PostgreSQL, and a source that is not SQLite, writing nothing', () => {
    const bad = script('db/move-cli.ts', ['--to', 'file:elsewhere.db'], join(dir, 'demo.db'));
    expect(bad.status).toBe(2);
    expect(bad.output).toContain('Usage: npm run db:move -- --to postgres://');
  });
});
