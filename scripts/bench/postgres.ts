// The benchmark's PostgreSQL half (issue #19): the same use cases, the same people, the same data as
// the SQLite run, on a throwaway PostgreSQL server. The run's SQLite copy is moved across with
// `npm run db:move`'s code, then the measuring happens in a child process, because the schema facade
// (db/schema) is fixed per process by DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveDatabase, progressBar } from '../../db/move';
import { startPostgres } from '../lib/postgres.mjs';
import type { NoteWrites, UseCaseResult } from './in-process';
import type { Subjects } from './subjects';

export type PostgresBench = {
  version: string;
  settings: Record<string, string>;
  /** How long moving the benchmark's data across took (db:move, verified). */
  moveSeconds: number;
  rowsMoved: number;
  useCases: UseCaseResult[];
  noteWrites: NoteWrites;
};

/** What the child process is asked to measure, and answers. */
export type ChildInput = { subjects: Subjects; period: { from: string; to: string }; runs: number; writers: number; seconds: number };
export type ChildOutput = Pick<PostgresBench, 'version' | 'useCases' | 'noteWrites'>;

/**
 * A server sized like a small managed instance would be for this data, durable as production runs
 * it: every commit flushed (fsync, synchronous_commit on), as SQLite's synchronous=FULL is.
 */
export const BENCH_SETTINGS = {
  shared_buffers: '1GB',
  effective_cache_size: '4GB',
  work_mem: '16MB',
  maintenance_work_mem: '256MB',
  max_wal_size: '4GB',
  random_page_cost: '1.1',
  synchronous_commit: 'on',
  fsync: 'on',
};

export async function benchOnPostgres(sqlitePath: string, input: ChildInput): Promise<PostgresBench> {
  const server = await startPostgres({ database: 'carenav_bench', settings: BENCH_SETTINGS });
  const dir = mkdtempSync(join(tmpdir(), 'carenav-bench-pg-'));
  try {
    const moved = await moveDatabase({ from: sqlitePath, to: server.url, progress: progressBar('Moving the data into PostgreSQL') });
    console.log(`  ${moved.rows.toLocaleString('en-GB')} rows moved and verified in ${Math.round(moved.seconds)} s`);
    const inputFile = join(dir, 'input.json');
    const outputFile = join(dir, 'output.json');
    writeFileSync(inputFile, JSON.stringify(input));
    const child = spawnSync('npx', ['tsx', 'scripts/bench/postgres-child.ts', inputFile, outputFile], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: server.url, CARENAV_LOG_LEVEL: 'warn' },
    });
    if (child.status !== 0) throw new Error('the PostgreSQL measurements failed (output above)');
    const output = JSON.parse(readFileSync(outputFile, 'utf8')) as ChildOutput;
    return { ...output, settings: BENCH_SETTINGS, moveSeconds: Math.round(moved.seconds), rowsMoved: moved.rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}
