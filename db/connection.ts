import { createDb, databasePath, type Db } from './client';
import { migrateDb } from './migrate';
import { env } from '../server/env';

// One connection per process. Next bundles the start-up hook and the routes separately,
// so a module-level singleton would open two connections and migrate twice (STACK-NOTES P11).
const globalForDb = globalThis as unknown as { carenavDb?: Db };

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

/** The process-wide database, created and migrated on first use. */
export function getDb(): Db {
  if (!globalForDb.carenavDb) {
    const db = createDb(databasePath(databaseUrl()));
    migrateDb(db);
    globalForDb.carenavDb = db;
  }
  return globalForDb.carenavDb;
}
