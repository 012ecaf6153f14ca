import { threadId } from 'node:worker_threads';
import pg from 'pg';
import { inject } from 'vitest';
import { Database } from '../db/sqlite';
import { applyPragmas, createDb, wrap, type Db } from '../db/client';
import { configuredEngine } from '../db/engine';
import { migrateDb } from '../db/migrate';
import { createPgDb, poolOf } from '../db/pg-client';

let template: Buffer | undefined;

/**
 * A fresh, fully migrated database for one test, on the engine the suite runs on
 * (`DATABASE_URL`: the SQLite projects, or the PostgreSQL ones in vitest.config.mts). Migrations run
 * once into a template; each test gets its own copy, so tests are fast and never share state.
 */
export function testDb(): Db {
  if (configuredEngine() === 'postgres') return testPgDb();
  if (!template) {
    const db = createDb(':memory:');
    migrateDb(db);
    template = db.$client.serialize();
    db.$client.close();
  }
  return copyDb(template);
}

/** A database from a snapshot taken with `db.$client.serialize()`. */
export function copyDb(snapshot: Buffer): Db {
  const sqlite = new Database(snapshot);
  applyPragmas(sqlite);
  return wrap(sqlite);
}

type Made = { name: string; url: string; db: Db; ensure: () => Promise<void>; created?: Promise<void> };
const made: Made[] = [];
let counter = 0;
let admin: pg.Pool | undefined;

/** The test server's address for the database `name` (test/global-setup-postgres.ts provides the server). */
const pgUrlOf = (name: string) => Object.assign(new URL(inject('postgresTemplateUrl')), { pathname: `/${name}` }).toString();
/** A pool on the server's own database, to create and drop the tests' databases. */
const adminPool = () => (admin ??= new pg.Pool({ connectionString: pgUrlOf('postgres'), max: 2 }));
/** A new test database's name, unique across the run's workers. */
const testDbName = () => `t_${process.pid}_${threadId}_${++counter}`;

/**
 * On PostgreSQL: a database copied from the migrated template (test/global-setup-postgres.ts). The
 * copy is made on the first query, so `testDb()` stays synchronous for the tests that call it.
 */
function testPgDb(): Db {
  const template = new URL(inject('postgresTemplateUrl')).pathname.slice(1);
  const name = testDbName();
  const url = pgUrlOf(name);
  const entry: Made = { name, url, db: undefined as unknown as Db, ensure: () => Promise.resolve() };
  entry.ensure = () =>
    (entry.created ??= adminPool()
      .query(`create database ${name} template ${template}`)
      .then(() => undefined));
  entry.db = createPgDb(url, { max: 4, beforeConnect: entry.ensure });
  made.push(entry);
  return entry.db;
}

/**
 * Closes and drops the databases made since `from` (test/setup-each.ts calls this after each test,
 * and after each file for those made outside a test).
 */
export async function releaseTestDbs(from = 0): Promise<void> {
  const done = made.splice(from);
  for (const entry of done) {
    const pool = poolOf(entry.db) as pg.Pool & { ending?: boolean };
    if (!pool.ending) await pool.end();
    if (entry.created) {
      await entry.created.catch(() => undefined);
      await adminPool().query(`drop database if exists ${entry.name} with (force)`);
    }
  }
}

/** How many test databases are open (test/setup-each.ts: those made before a test are kept for the file). */
export const openTestDbs = () => made.length;

/**
 * A second connection to the same PostgreSQL test database, as another carenav instance would have
 * (its own pool, its own limiters and timers). Closed with the test's databases.
 */
export function anotherInstance(db: Db): Db {
  const entry = made.find((m) => m.db === db);
  if (!entry) throw new Error('anotherInstance: not a PostgreSQL test database made by testDb()');
  const other = createPgDb(entry.url, { max: 4, beforeConnect: entry.ensure });
  // Closed (not dropped) after the test: the database is the first entry's.
  made.push({ name: entry.name, url: entry.url, db: other, ensure: entry.ensure });
  return other;
}

/**
 * The address of a new, empty PostgreSQL database (not migrated: as an operator creates one), dropped
 * after the test. For the tests of moving a database across (db/move.ts).
 */
export async function emptyPgDatabaseUrl(): Promise<string> {
  const name = `${testDbName()}_empty`;
  await adminPool().query(`create database ${name} template template0`);
  const url = pgUrlOf(name);
  // Tracked like the others (a pool that is never used), so it is dropped when the test ends.
  const entry: Made = { name, url, db: createPgDb(url, { max: 1 }), ensure: () => Promise.resolve(), created: Promise.resolve() };
  made.push(entry);
  return url;
}
