import { Database } from '../db/sqlite';
import { applyPragmas, createDb, wrap, type Db } from '../db/client';
import { migrateDb } from '../db/migrate';

let template: Buffer | undefined;

/**
 * A fresh, fully migrated in-memory database for one test. Migrations run once per file into a
 * template; each test gets its own copy, so tests are fast and never share state.
 */
export function testDb(): Db {
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
