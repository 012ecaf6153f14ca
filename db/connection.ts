import { createDb, databasePath, type Db } from './client';
import { configuredEngine, engineOfUrl } from './engine';
import { migrateDb } from './migrate';
import { createPgDb, migratePg, poolOf } from './pg-client';
import { env } from '../server/env';

// One database per process. Next bundles the start-up hook and the routes separately,
// so a module-level singleton would open two connections and migrate twice (STACK-NOTES P11).
const globalForDb = globalThis as unknown as { carenavDb?: Db; carenavMigrated?: Promise<void> };

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

/** The database's address as printed by scripts and logs: a PostgreSQL password is never shown. */
export function databaseLabel(url = databaseUrl()): string {
  if (engineOfUrl(url) !== 'postgres') return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of ['password', 'sslpassword']) if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return '(a PostgreSQL address that cannot be read: check DATABASE_URL)';
  }
}

/**
 * The process-wide database. On SQLite it is created and migrated on first use; on PostgreSQL the
 * pool is made here and the migrations run in `openDb` (the server's start-up, every script), as
 * they are asynchronous there.
 */
export function getDb(): Db {
  if (!globalForDb.carenavDb) {
    if (configuredEngine() === 'postgres') {
      globalForDb.carenavDb = createPgDb(databaseUrl(), {
        max: env().DATABASE_POOL_SIZE,
        statementTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
      });
    } else {
      const db = createDb(databasePath(databaseUrl()));
      migrateDb(db);
      globalForDb.carenavDb = db;
    }
  }
  return globalForDb.carenavDb;
}

/** The process-wide database, migrated (on either engine) before it is returned. */
export async function openDb(): Promise<Db> {
  const db = getDb();
  if (db.$engine === 'postgres') {
    globalForDb.carenavMigrated ??= migratePg(db);
    await globalForDb.carenavMigrated;
  }
  return db;
}

/** Closes the process-wide database (scripts, before they exit: a pool would keep the process alive). */
export async function closeDb(): Promise<void> {
  const db = globalForDb.carenavDb;
  globalForDb.carenavDb = undefined;
  globalForDb.carenavMigrated = undefined;
  if (db) await closeDatabase(db);
}

/** Closes a database's connections, on either engine. */
export async function closeDatabase(db: Db): Promise<void> {
  if (db.$engine === 'postgres') await poolOf(db).end();
  else db.$client.close();
}

/**
 * Whether `url` reaches PostgreSQL on another machine without asking for TLS (`sslmode=require` or
 * stronger, or `ssl=true`): health records would cross the network in plain text. Loopback and
 * Unix sockets are this machine. Start-up refuses such an address in production.
 */
export function plainTextRemoteDatabase(url: string): boolean {
  if (engineOfUrl(url) !== 'postgres') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || parsed.searchParams.get('host') || 'localhost';
  if (host === 'localhost' || host.startsWith('127.') || host === '::1' || host.startsWith('/')) return false;
  const mode = parsed.searchParams.get('sslmode');
  return !(parsed.searchParams.get('ssl') === 'true' || (mode !== null && ['require', 'verify-ca', 'verify-full'].includes(mode)));
}
