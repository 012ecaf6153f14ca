import { Database, type SqliteDatabase, type SqliteStatement } from './sqlite';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: SqliteDatabase };

/** Applies the pragmas every connection needs (see CONVENTIONS: Database). */
export function applyPragmas(sqlite: SqliteDatabase): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives power loss, which health records need.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // So that INSERT OR REPLACE fires the delete triggers that keep the audit log and timeline append-only.
  sqlite.pragma('recursive_triggers = ON');
  // 256 MB of page cache (the default is 2 MB): the hot parts of the indexes of a database with
  // millions of timeline and audit rows stay in memory. Allocated only as pages are used.
  sqlite.pragma('cache_size = -262144');
  // Checkpoint the write-ahead log every 10,000 pages (40 MB) rather than 1,000: index pages written
  // again and again between checkpoints are copied into the database once, not ten times.
  sqlite.pragma('wal_autocheckpoint = 10000');
}

/**
 * Reuses compiled statements: drizzle prepares its SQL afresh on every call, and compiling a
 * statement often costs more than running it (a wide INSERT, a join). A statement taken from the
 * cache is put back into its default mode first (drizzle switches readers to raw mode; scripts may
 * pluck), so no caller inherits another's. Bounded: cleared past 500 texts (drizzle's multi-row
 * inserts and IN lists make many one-off texts).
 */
function cacheStatements(sqlite: SqliteDatabase): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SqliteStatement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (cache.size >= 500) cache.clear();
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

export function wrap(sqlite: SqliteDatabase): Db {
  cacheStatements(sqlite);
  return drizzle({ client: sqlite, schema, casing: 'snake_case' });
}

/** Turns `file:./data/carenav.db` (or a bare path) into a filesystem path. */
export function databasePath(url: string): string {
  return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** Opens (creating if needed) the database file at `path` with the standard pragmas. */
export function createDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  applyPragmas(sqlite);
  return wrap(sqlite);
}
