import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { getTableColumns, getTableName, is, sql, type SQL } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { backupDatabase } from './backup';
import { wrap, type Db } from './client';
import { createPgDb, migratePg, poolOf } from './pg-client';
import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema/sqlite';
import { Database } from './sqlite';
import { SYNTHETIC_MARKER_TABLE } from './synthetic-marker';

/**
 * `npm run db:move -- --to postgres://…` (issue #19): copies a live SQLite carenav database into an
 * empty PostgreSQL one. An online backup of the SQLite file is taken first (the app may keep serving
 * while it runs; what is copied is that one moment), the target is migrated, then every table is
 * copied in batches inside one transaction (a failure leaves the target as it was), and afterwards
 * each table's row count and checksum are compared on both sides. Refuses a target holding any row
 * that carenav's own migrations did not put there.
 */

/** The rows carenav's migrations insert (drizzle/0003, 0005; drizzle-pg/0002) all have ids with this prefix. */
const MIGRATION_ROW_ID = '00000000-0000-4000-8000-';
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

export type TableReport = { table: string; rows: number; checksum: string };
export type MoveReport = { tables: TableReport[]; rows: number; seconds: number };
export type Progress = { start(total: number): void; advance(rows: number, table: string): void; stop(): void };

/** Progress as a bar on the terminal (db:move, db:synth --to). */
export function progressBar(label: string): Progress {
  let bar: SingleBar | undefined;
  return {
    start(total) {
      bar = new SingleBar(
        { format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {table}`, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(total, 0, { table: '' });
    },
    advance: (rows, table) => bar?.increment(rows, { table }),
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

type Pair = { name: string; sqlite: SQLiteTable; pg: PgTable; columns: string[]; primaryKey: string[] };

/** Every table of the schema, SQLite's with its PostgreSQL twin, parents before the tables that refer to them. */
export function tablePairs(): Pair[] {
  const byName = new Map<string, Pair>();
  for (const [key, value] of Object.entries(sqliteSchema)) {
    if (!is(value, SQLiteTable)) continue;
    const twin = (pgSchema as Record<string, unknown>)[key];
    if (!is(twin, PgTable)) throw new Error(`db/schema-pg has no table ${key}: the schemas disagree (db/schema-agreement.test.ts)`);
    const config = pgTableConfig(twin);
    const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    byName.set(getTableName(value), {
      name: getTableName(value),
      sqlite: value,
      pg: twin,
      columns: Object.keys(getTableColumns(value)),
      primaryKey,
    });
  }
  const ordered: Pair[] = [];
  const visiting = new Set<string>();
  const visit = (pair: Pair) => {
    if (ordered.includes(pair) || visiting.has(pair.name)) return;
    visiting.add(pair.name);
    for (const fk of sqliteTableConfig(pair.sqlite).foreignKeys) {
      const parent = byName.get(getTableName(fk.reference().foreignTable));
      if (parent && parent !== pair) visit(parent);
    }
    ordered.push(pair);
  };
  for (const pair of [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))) visit(pair);
  return ordered;
}

/** A row's values as canonical text: keys in order, JSON objects with sorted keys, so both engines' rows hash alike. */
function canonical(row: Record<string, unknown>, columns: string[]): string {
  const stable = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(stable);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
      );
    return value ?? null;
  };
  return JSON.stringify(columns.map((c) => stable(row[c])));
}

/** An order-free checksum of rows: the sum of each row's hash (first 64 bits), so either side may be read in any order. */
class Checksum {
  private sum = 0n;
  rows = 0;
  add(row: Record<string, unknown>, columns: string[]): void {
    this.sum = (this.sum + createHash('sha256').update(canonical(row, columns)).digest().readBigUInt64BE(0)) & 0xffff_ffff_ffff_ffffn;
    this.rows++;
  }
  get hex(): string {
    return this.sum.toString(16).padStart(16, '0');
  }
}

/** Reads a SQLite table in batches, in insertion order (so rows referring to earlier rows of the same table come after them). */
async function* sqliteBatches(db: Db, pair: Pair, size: number): AsyncGenerator<Record<string, unknown>[]> {
  let after = 0;
  for (;;) {
    const rows = (await db
      .select({ rowid: sql<number>`rowid`, ...getTableColumns(pair.sqlite) })
      .from(pair.sqlite)
      .where(sql`rowid > ${after}`)
      .orderBy(sql`rowid`)
      .limit(size)
      .all()) as (Record<string, unknown> & { rowid: number })[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.rowid;
    yield rows.map(({ rowid: _rowid, ...row }) => row);
  }
}

/** Reads a PostgreSQL table in batches by its primary key (keyset: each batch starts after the last). */
async function* pgBatches(db: Db, pair: Pair, size: number): AsyncGenerator<Record<string, unknown>[]> {
  const raw = db as unknown as {
    select(): {
      from(t: PgTable): { where(w: SQL | undefined): { orderBy(...o: SQL[]): { limit(n: number): Promise<Record<string, unknown>[]> } } };
    };
  };
  const columns = getTableColumns(pair.pg);
  const keyColumns = pair.primaryKey.map((name) => Object.values(columns).find((c) => c.name === name)!);
  const keyOf = (row: Record<string, unknown>) => keyColumns.map((c) => row[Object.keys(columns).find((k) => columns[k] === c)!]);
  let after: unknown[] | undefined;
  for (;;) {
    const where = after
      ? sql`(${sql.join(keyColumns, sql`, `)}) > (${sql.join(
          after.map((v) => sql`${v}`),
          sql`, `,
        )})`
      : undefined;
    const rows = await raw
      .select()
      .from(pair.pg)
      .where(where)
      .orderBy(...keyColumns.map((c) => sql`${c}`))
      .limit(size);
    if (rows.length === 0) return;
    after = keyOf(rows[rows.length - 1]!);
    yield rows;
  }
}

/** Why the target cannot take the move, or null when it holds nothing but what the migrations put in. */
async function targetProblem(target: Db, pairs: Pair[]): Promise<string | null> {
  for (const pair of pairs) {
    const hasId = pair.columns.includes('id');
    const found = await target.get<{ n: number }>(
      hasId
        ? sql`select count(*) as n from ${sql.identifier(pair.name)} where id not like ${`${MIGRATION_ROW_ID}%`}`
        : sql`select count(*) as n from ${sql.identifier(pair.name)}`,
    );
    if (found && found.n > 0)
      return `the target database is not empty: ${pair.name} has ${found.n} row${found.n === 1 ? '' : 's'}. Move into a new, empty database.`;
  }
  return null;
}

export type MoveOptions = {
  /** The live SQLite database file. */
  from: string;
  /** The empty PostgreSQL database's URL. */
  to: string;
  progress?: Progress;
  /** Rows per batch at most (the parameter limit may make it fewer). */
  batchRows?: number;
};

/** Copies the SQLite database at `from` into the empty PostgreSQL database at `to`, and verifies the copy. */
export async function moveDatabase({ from, to, progress, batchRows = 5_000 }: MoveOptions): Promise<MoveReport> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'carenav-move-'));
  const snapshotPath = join(dir, 'snapshot.db');
  // The snapshot holds every record: removed however the process ends (db/move-cli.ts turns Ctrl-C into an exit).
  const removeSnapshot = () => rmSync(dir, { recursive: true, force: true });
  process.on('exit', removeSnapshot);
  // One long transaction, and checksums over whole tables: no statement timeout.
  const target = createPgDb(to, { max: 2, statementTimeoutMs: 0 });
  try {
    await backupDatabase(from, snapshotPath);
    const snapshot = new Database(snapshotPath, { readonly: true, fileMustExist: true });
    const source = wrap(snapshot);
    try {
      const pairs = tablePairs();
      // Refused before anything is written (the migrations included) when there are carenav rows already.
      const existing = await target.get<{ n: number }>(
        sql`select count(*) as n from information_schema.tables where table_schema = 'public' and table_name = 'patients'`,
      );
      if (existing && existing.n > 0) {
        const problem = await targetProblem(target, pairs);
        if (problem) throw new Error(problem);
      }
      await migratePg(target);
      const problem = await targetProblem(target, pairs);
      if (problem) throw new Error(problem);

      const counts = new Map<string, number>();
      for (const pair of pairs)
        counts.set(pair.name, (await source.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(pair.name)}`)).n);
      const marker =
        snapshot.prepare(`select * from sqlite_master where type = 'table' and name = ?`).get(SYNTHETIC_MARKER_TABLE) !== undefined;
      progress?.start([...counts.values()].reduce((a, b) => a + b, 0));

      const tables: TableReport[] = [];
      await target.transaction(async (tx) => {
        // Nobody else writes while the copy is made, and the target is checked again under that lock:
        // rows written between the first check and now would otherwise be in the way, or lost.
        await tx.run(
          sql`lock table ${sql.join(
            pairs.map((p) => sql.identifier(p.name)),
            sql`, `,
          )} in access exclusive mode`,
        );
        const locked = await targetProblem(tx, pairs);
        if (locked) throw new Error(locked);
        // The rows the migrations put in are replaced by the source's own (an administrator may have changed them).
        for (const pair of [...pairs].reverse())
          if (pair.columns.includes('id'))
            await tx.run(sql`delete from ${sql.identifier(pair.name)} where id like ${`${MIGRATION_ROW_ID}%`}`);
        const insert = tx as unknown as { insert(t: PgTable): { values(rows: unknown[]): { run(): Promise<unknown> } } };
        const sums = new Map<string, Checksum>();
        for (const pair of pairs) {
          const sum = new Checksum();
          sums.set(pair.name, sum);
          const size = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / pair.columns.length)));
          for await (const rows of sqliteBatches(source, pair, size)) {
            for (const row of rows) sum.add(row, pair.columns);
            await insert.insert(pair.pg).values(rows).run();
            progress?.advance(rows.length, pair.name);
          }
        }
        if (marker) {
          // The marker of a `db:synth` database comes too: the benchmark's route answers only on synthetic data.
          const rows = snapshot.prepare(`select seed, people, until from ${SYNTHETIC_MARKER_TABLE}`).all() as {
            seed: number;
            people: number;
            until: number;
          }[];
          await tx.run(
            sql.raw(`create table ${SYNTHETIC_MARKER_TABLE} (seed bigint not null, people bigint not null, until bigint not null)`),
          );
          for (const r of rows)
            await tx.run(
              sql`insert into ${sql.identifier(SYNTHETIC_MARKER_TABLE)} (seed, people, until) values (${r.seed}, ${r.people}, ${r.until})`,
            );
        }
        progress?.stop();

        // Verified from what PostgreSQL now holds, read back inside the transaction: a difference
        // rolls the whole copy back, leaving the target as it was.
        tables.length = 0;
        for (const pair of pairs) {
          const copied = new Checksum();
          for await (const rows of pgBatches(tx, pair, 5_000)) for (const row of rows) copied.add(row, pair.columns);
          const original = sums.get(pair.name)!;
          if (copied.rows !== counts.get(pair.name) || copied.rows !== original.rows)
            throw new Error(
              `${pair.name}: ${counts.get(pair.name)} rows in the SQLite database, ${copied.rows} in PostgreSQL after the copy.`,
            );
          if (copied.hex !== original.hex)
            throw new Error(
              `${pair.name}: the rows copied into PostgreSQL differ from the SQLite database's (checksum ${copied.hex}, expected ${original.hex}).`,
            );
          tables.push({ table: pair.name, rows: copied.rows, checksum: copied.hex });
        }
      });
      // Fresh statistics, so the planner knows the tables' sizes from the first request.
      await target.run(sql`analyze`);
      return { tables, rows: tables.reduce((a, t) => a + t.rows, 0), seconds: (performance.now() - started) / 1000 };
    } finally {
      snapshot.close();
    }
  } finally {
    progress?.stop();
    await poolOf(target).end();
    removeSnapshot();
    process.off('exit', removeSnapshot);
  }
}
