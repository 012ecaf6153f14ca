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

type Made = { name: string; db: Db; created?: Promise<void> };
const made: Made[] = [];
let counter = 0;
let admin: pg.Pool | undefined;

/**
 * On PostgreSQL: a database copied from the migrated template (test/global-setup-postgres.ts). The
 * copy is made on the first query, so `testDb()` stays synchronous for the tests that call it.
 */
function testPgDb(): Db {
  const templateUrl = new URL(inject('postgresTemplateUrl'));
  const template = templateUrl.pathname.slice(1);
  admin ??= new pg.Pool({ connectionString: Object.assign(new URL(templateUrl), { pathname: '/postgres' }).toString(), max: 2 });
  const name = `t_${process.pid}_${threadId}_${++counter}`;
  const url = Object.assign(new URL(templateUrl), { pathname: `/${name}` }).toString();
  const entry: Made = { name, db: undefined as unknown as Db };
  entry.db = createPgDb(url, {
    max: 4,
    beforeConnect: () => (entry.created ??= admin!.query(`create database ${name} template ${template}`).then(() => undefined)),
  });
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
    await poolOf(entry.db).end();
    if (entry.created) {
      await entry.created.catch(() => undefined);
      await admin!.query(`drop database if exists ${entry.name} with (force)`);
    }
  }
}

/** How many test databases are open (test/setup-each.ts: those made before a test are kept for the file). */
export const openTestDbs = () => made.length;
