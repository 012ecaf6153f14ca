// The PostgreSQL measurements of `npm run bench` (scripts/bench/postgres.ts starts this with
// DATABASE_URL set to the server it moved the data into): the same use cases and note writes as
// the SQLite run, on the same people. Usage: tsx scripts/bench/postgres-child.ts input.json output.json
import { readFileSync, writeFileSync } from 'node:fs';
import { closeDatabase, openDb } from '../../db/connection';
import { poolOf } from '../../db/pg-client';
import { measureNoteWrites, measureUseCases } from './in-process';
import type { ChildInput, ChildOutput } from './postgres';

async function main() {
  const [inputFile, outputFile] = process.argv.slice(2);
  if (!inputFile || !outputFile) throw new Error('usage: postgres-child.ts input.json output.json');
  const { subjects, period, runs, writers, seconds } = JSON.parse(readFileSync(inputFile, 'utf8')) as ChildInput;
  const db = await openDb();
  try {
    const pool = poolOf(db);
    const setting = async (name: string) => String((await pool.query<Record<string, string>>(`show ${name}`)).rows[0]?.[name]);
    const version = await setting('server_version');
    const synchronousCommit = await setting('synchronous_commit');
    console.log(`\n▶ PostgreSQL ${version}: server-side time per use case (${runs} runs each)`);
    const useCases = await measureUseCases(db, subjects, period, runs);
    console.table(useCases.map(({ title, rows, p50, p95, budgetMs }) => ({ title: title.slice(0, 60), rows, p50, p95, budgetMs })));
    console.log(`\n▶ PostgreSQL: notes added in-process for ${seconds} s by ${writers} writers at once`);
    const noteWrites = await measureNoteWrites(db, subjects, seconds, writers, `synchronous_commit=${synchronousCommit}`);
    console.log(`  ${noteWrites.perSecond} notes/s`);
    const output: ChildOutput = { version, useCases, noteWrites };
    writeFileSync(outputFile, JSON.stringify(output));
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench (PostgreSQL): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
