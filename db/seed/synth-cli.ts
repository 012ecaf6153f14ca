import { existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createDb } from '../client';
import { migrateDb } from '../migrate';
import { mdtSignalTriggers, RECOMPUTE_MDT_SIGNALS } from '../mdt-signals';
import { synthesize } from './synth';
import { DEMO_PASSWORD } from '../factories';
import { engineOfUrl } from '../engine';
import { moveDatabase, progressBar } from '../move';

// npm run db:synth -- --people 100000 [--seed N] [--out file] [--replace] [--to postgres://…]
// With --to, the SQLite file is then copied into that empty PostgreSQL database (db/move.ts).
const usage = 'Usage: npm run db:synth -- [--people 100000] [--seed 1] [--out data/synth.db] [--replace] [--to postgres://…]';

function fail(message: string): never {
  console.error(`db:synth: ${message}\n${usage}`);
  process.exit(2);
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) fail(`--${name} must be between ${min.toLocaleString('en-GB')} and ${max.toLocaleString('en-GB')}`);
  return n;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      people: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'data/synth.db' },
      replace: { type: 'boolean', default: false },
      to: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const people = wholeNumber('people', parsed.people, 1, 1_000_000);
const seed = wholeNumber('seed', parsed.seed, 0, 2 ** 31 - 1);
const out = parsed.out;
const to = parsed.to;
if (to !== undefined && engineOfUrl(to) !== 'postgres') fail(`--to must be a PostgreSQL address (postgres://…), got "${to}"`);
if (existsSync(out) && !parsed.replace) fail(`${out} already exists; add --replace to overwrite it (never point this at a real database)`);

const started = Date.now();
// Built beside the target and renamed at the end, so an interrupted run never leaves half a database.
const partial = `${out}.partial`;
for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
const db = createDb(partial);
migrateDb(db);
const sqlite = db.$client;
// A throwaway file being filled from nothing: durability per commit buys nothing here.
// Out of WAL (set by createDb) first: SQLite does not switch from WAL straight to OFF.
sqlite.pragma('journal_mode = DELETE');
sqlite.pragma('journal_mode = OFF');
sqlite.pragma('synchronous = OFF');
sqlite.pragma('cache_size = -1000000');
sqlite.pragma('temp_store = MEMORY');

// Secondary indexes of the big tables are dropped while rows go in and built again at the end:
// building an index from all its rows at once is far faster than millions of random inserts into it.
const BIG_TABLES = ['timeline_events', 'audit_log', 'care_team_members', 'consents', 'referrals', 'tasks'];
const deferred = sqlite
  .prepare(
    `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${BIG_TABLES.map(() => '?').join(', ')})`,
  )
  .all(...BIG_TABLES) as { name: string; sql: string }[];
for (const index of deferred) sqlite.exec(`DROP INDEX "${index.name}"`);
// The MDT signal triggers look up each person's rows on every insert: off while rows go in (their
// indexes are gone), then the signals are worked out once for everyone.
const signalTriggers = mdtSignalTriggers(sqlite);
for (const trigger of signalTriggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);

const bar = new SingleBar(
  { format: 'db:synth [{bar}] {percentage}% | {value}/{total} people | {duration_formatted}', hideCursor: true },
  Presets.shades_classic,
);
bar.start(people, 0);
const counts = synthesize(db, { people, seed, onProgress: (done) => bar.update(done) });
bar.stop();
console.log(`Building ${deferred.length} indexes…`);
for (const index of deferred) sqlite.exec(index.sql);
console.log('Working out the MDT worklist signals…');
sqlite.exec(RECOMPUTE_MDT_SIGNALS);
for (const trigger of signalTriggers) sqlite.exec(trigger.sql);
console.log('Analysing for the query planner…');
sqlite.exec('ANALYZE');
sqlite.pragma('journal_mode = WAL');
sqlite.close();
for (const suffix of ['-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true });
renameSync(partial, out);

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\nWrote ${out} (seed ${seed}) in ${seconds} s:`);
for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString('en-GB').padStart(12)}`);
console.log(`\nEvery synthetic account's password is "${DEMO_PASSWORD}": use this database for benchmarks and trials only.`);

if (to) {
  console.log('\nCopying it into PostgreSQL (db:move)…');
  moveDatabase({
    from: out,
    to,
    progress: progressBar('db:move'),
  }).then(
    (report) =>
      console.log(
        `Copied ${report.rows.toLocaleString('en-GB')} rows into PostgreSQL in ${report.seconds.toFixed(0)} s, verified table by table.`,
      ),
    (error: unknown) => {
      console.error(`db:synth: copying into PostgreSQL failed. ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
