import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import { syncDb, type Db } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

export function migrateDb(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  // Before anything is served: the synchronous driver on the same connection.
  migrate(syncDb(db), { migrationsFolder });
  // Keep the query planner's statistics current, as SQLite recommends at start-up: new indexes get
  // statistics (without them the planner may ignore a better index), with a bounded sample so
  // this stays fast on a database of millions of rows.
  db.$client.pragma('analysis_limit = 1000');
  db.$client.pragma('optimize = 0x10002');
}
