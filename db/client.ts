import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  fillPlaceholders,
  type ExtractTablesWithRelations,
  type Query,
  type RelationalSchemaConfig,
  type TablesRelationalConfig,
} from 'drizzle-orm';
import {
  BaseSQLiteDatabase,
  SQLitePreparedQuery,
  SQLiteSession,
  SQLiteAsyncDialect,
  SQLiteTransaction,
  type PreparedQueryConfig,
  type SelectedFieldsOrdered,
  type SQLiteExecuteMethod,
  type SQLiteTransactionConfig,
} from 'drizzle-orm/sqlite-core';
import { drizzle as drizzleSync, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as drizzleUtils from 'drizzle-orm/utils';
import { Database, type SqliteDatabase, type SqliteStatement } from './sqlite';
import type { Engine } from './engine';
import { registerTransactionScope } from './transaction-scope';
import * as schema from './schema/sqlite';
import { errorMessage, log } from '../server/log';

type Schema = typeof schema;
// drizzle maps a row of values to the selected fields with this; it is exported but left out of its types.
const { mapResultRow } = drizzleUtils as unknown as {
  mapResultRow: (fields: SelectedFieldsOrdered, row: unknown[], joinsNotNullableMap: Record<string, boolean> | undefined) => unknown;
};

type RunResult = { changes: number; lastInsertRowid: number | bigint };
type Base = BaseSQLiteDatabase<'async', RunResult, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * The database as the domain sees it: every query is awaited, and a transaction takes an async
 * callback, so the same use cases can run on an engine whose driver really is asynchronous
 * (docs/decisions/018-async-domain-one-writer.md). A transaction's callback gets a `Db` too (use it,
 * not the outer one, so the same code is right where a transaction holds its own connection).
 */
export type Db = Omit<Base, 'transaction'> & {
  /** The driver underneath: better-sqlite3's connection, or on PostgreSQL the `pg` pool (db/pg-client.ts). */
  $client: SqliteDatabase;
  /** Which engine this is: only db/engine-sql.ts and the engines' own modules should need to ask. */
  $engine: Engine;
  transaction<T>(work: (tx: Db) => Promise<T>, config?: SQLiteTransactionConfig): Promise<T>;
};

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

/**
 * The one connection's write lock. A transaction holds it from BEGIN to COMMIT, across its awaits;
 * a query outside a transaction waits while it is held (it would otherwise run inside someone
 * else's transaction: see its uncommitted rows, or be rolled back with it). When a transaction
 * ends, the queries that were waiting run before the next transaction starts, so reads are not
 * starved by a storm of writes.
 */
class WriteLock {
  private held = false;
  private writers: (() => void)[] = [];
  private readers: (() => void)[] = [];

  get isHeld(): boolean {
    return this.held;
  }

  acquire(): Promise<void> | undefined {
    if (!this.held && this.writers.length === 0) {
      this.held = true;
      return undefined;
    }
    return new Promise((resolve) => this.writers.push(resolve));
  }

  release(): void {
    this.held = false;
    const readers = this.readers;
    this.readers = [];
    for (const wake of readers) wake();
    // After the woken readers' continuations (queued first) have run their queries.
    queueMicrotask(() => {
      if (this.held) return;
      const next = this.writers.shift();
      if (next) {
        this.held = true;
        next();
      }
    });
  }

  /**
   * Passes the lock straight to the transaction waiting longest, if any, with no query from outside a
   * transaction running in between (the connection is still inside an open SQLite transaction).
   */
  handOver(): boolean {
    const next = this.writers.shift();
    if (!next) return false;
    next();
    return true;
  }

  /**
   * Resolves when the transaction holding the connection ends. The caller checks again in the same
   * turn as its query: the next transaction may have started meanwhile.
   */
  released(): Promise<void> {
    return new Promise((resolve) => this.readers.push(resolve));
  }
}

/** The transaction the current async call chain is inside, if any (so its queries skip the lock). */
/** `cleanupFailed`: a savepoint of this transaction could not be rolled back, so its writes may be in the group. */
type Scope = { session: AsyncSqliteSession; open: boolean; cleanupFailed?: boolean };
const scope = new AsyncLocalStorage<Scope>();
registerTransactionScope(scope);

type Config = PreparedQueryConfig & { type: 'async'; run: RunResult };

/** better-sqlite3's statements behind the write lock, answering as promises. */
class GatedQuery<T extends Config = Config> extends SQLitePreparedQuery<T> {
  constructor(
    private readonly session: AsyncSqliteSession,
    private readonly stmt: SqliteStatement,
    query: Query,
    private readonly fields: SelectedFieldsOrdered | undefined,
    executeMethod: SQLiteExecuteMethod,
    private readonly customResultMapper?: (rows: unknown[][]) => unknown,
  ) {
    super('async', executeMethod, query, undefined, undefined, undefined);
  }

  private notNullable(): Record<string, boolean> | undefined {
    // Set by drizzle's select builder on the prepared query (an internal field).
    return (this as unknown as { joinsNotNullableMap?: Record<string, boolean> }).joinsNotNullableMap;
  }

  private params(values?: Record<string, unknown>): unknown[] {
    return fillPlaceholders(this.query.params, values ?? {});
  }

  async run(values?: Record<string, unknown>): Promise<T['run']> {
    await this.session.ready();
    return this.stmt.run(...this.params(values));
  }

  async all(values?: Record<string, unknown>): Promise<T['all']> {
    await this.session.ready();
    const params = this.params(values);
    if (!this.fields && !this.customResultMapper) return this.stmt.all(...params);
    const rows = this.stmt.raw().all(...params) as unknown[][];
    if (this.customResultMapper) return this.customResultMapper(rows);
    return rows.map((row) => mapResultRow(this.fields!, row, this.notNullable()));
  }

  async get(values?: Record<string, unknown>): Promise<T['get']> {
    await this.session.ready();
    const params = this.params(values);
    if (!this.fields && !this.customResultMapper) return this.stmt.get(...params);
    const row = this.stmt.raw().get(...params) as unknown[] | undefined;
    if (!row) return undefined;
    if (this.customResultMapper) return this.customResultMapper([row]);
    return mapResultRow(this.fields!, row, this.notNullable());
  }

  async values(values?: Record<string, unknown>): Promise<T['values']> {
    await this.session.ready();
    return this.stmt.raw().all(...this.params(values));
  }

  /** @internal drizzle asks every prepared query this. */
  isResponseInArrayMode(): boolean {
    return !!this.fields;
  }
}

/** At most this many transactions share one commit, for at most this long, so queries waiting outside are not kept long. */
const MAX_GROUP = 32;
const GROUP_MS = 50;

const transactionEnded = () =>
  new Error('The database ended this transaction after an error (a full disk, an I/O error): nothing more of it can be saved.');

/** The transactions sharing one SQLite transaction, and the commit they wait for. */
class Group {
  /** Every transaction that joined, whether it succeeded or not. */
  members = 0;
  private readonly opened = performance.now();

  canTakeMore(): boolean {
    return this.members < MAX_GROUP && performance.now() - this.opened < GROUP_MS;
  }

  private answer!: (error?: Error) => void;
  readonly committed = new Promise<void>((resolve, reject) => {
    this.answer = (error) => (error === undefined ? resolve() : reject(error));
  });

  constructor() {
    // Nobody may be waiting (every transaction in the group failed): not an unhandled rejection.
    this.committed.catch(() => undefined);
  }

  /** Committed (no error), or refused for everyone in the group. */
  settle(error?: unknown): void {
    this.answer(
      error === undefined
        ? undefined
        : error instanceof Error
          ? error
          : new Error('The database could not save this change.', { cause: error }),
    );
  }
}

class AsyncSqliteSession extends SQLiteSession<'async', RunResult, Schema, TablesRelationalConfig> {
  readonly lock = new WriteLock();

  constructor(
    readonly client: SqliteDatabase,
    private readonly sqlDialect: SQLiteAsyncDialect,
    private readonly schema: RelationalSchemaConfig<TablesRelationalConfig> | undefined,
  ) {
    super(sqlDialect);
  }

  /**
   * Waits until a query from this call chain may run: at once inside its own transaction (which
   * SQLite must not have ended under it: the query would then commit on its own), otherwise once no
   * transaction holds the connection. Refuses every query once the connection is unusable.
   */
  async ready(): Promise<void> {
    this.assertUsable();
    while (this.mustWait()) await this.lock.released();
    this.assertUsable();
    const current = scope.getStore();
    if (current?.session === this && current.open && !this.client.inTransaction) throw transactionEnded();
  }

  private assertUsable(): void {
    if (this.broken) throw this.broken;
  }

  /** Whether a query from this call chain must wait: another transaction holds the connection. */
  mustWait(): boolean {
    if (!this.lock.isHeld) return false;
    const current = scope.getStore();
    return !(current?.session === this && current.open);
  }

  prepareQuery(
    query: Query,
    fields: SelectedFieldsOrdered | undefined,
    executeMethod: SQLiteExecuteMethod,
    _isResponseInArrayMode: boolean,
    customResultMapper?: (rows: unknown[][]) => unknown,
  ): GatedQuery {
    return new GatedQuery(this, this.client.prepare(query.sql), query, fields, executeMethod, customResultMapper);
  }

  private exec(text: string): void {
    this.client.prepare(text).run();
  }

  /** The SQLite transaction the current group of writers shares, while one is open (see runTransaction). */
  private group: Group | undefined;
  /** Savepoint names, unique on the connection (not per transaction, so none can be taken for another's). */
  private savepoints = 0;
  /**
   * Set when a failed COMMIT could not be rolled back either: the connection is left inside a
   * transaction nobody owns, where any write would be lost, so nothing more runs on it.
   */
  private broken: Error | undefined;

  /**
   * A transaction of its own, or a savepoint inside the one this call chain is already in.
   *
   * Group commit (decision 018): a transaction runs as a savepoint inside a SQLite transaction that
   * the transactions waiting behind it join in turn (each its own savepoint, so one that fails rolls
   * back alone), committed once for them all when nobody is waiting, the group is full or has been
   * open for GROUP_MS. The fsync of synchronous=FULL, most of a small write's time, is then paid once
   * per group instead of once per writer. Nobody's promise resolves before the commit that makes
   * their write durable; if that commit fails, every transaction in the group is refused. Queries
   * outside a transaction wait for the commit, so they never see a write that might yet be rolled
   * back. A transaction must never await another transaction's promise: that one is answered only
   * when the group commits, which waits for this one to finish.
   */
  async runTransaction<T>(work: (tx: Db) => Promise<T>, _config?: SQLiteTransactionConfig): Promise<T> {
    const current = scope.getStore();
    if (current?.session === this && current.open) return this.savepoint(current, work);
    this.assertUsable();
    await this.lock.acquire();
    const mine: Scope = { session: this, open: true };
    let group: Group;
    try {
      this.assertUsable();
      group = this.group ??= this.openGroup();
    } catch (error) {
      mine.open = false;
      this.lock.release();
      throw error;
    }
    group.members++;
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await scope.run(mine, () => this.savepoint(mine, work)) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      mine.open = false;
    }
    if (!this.client.inTransaction || mine.cleanupFailed) {
      // SQLite ended the whole transaction on an error (a full disk, an I/O error), or this
      // transaction's writes could not be undone alone: the group is rolled back and nobody in it
      // is told their write was saved.
      const lost = new Error('The database could not save this change (its transaction was rolled back). Nothing was saved.', {
        cause: outcome.ok ? undefined : outcome.error,
      });
      this.endGroup(group, lost);
      throw outcome.ok ? lost : outcome.error;
    }
    const committed = group.committed;
    if (!group.canTakeMore() || !this.lock.handOver()) this.endGroup(group);
    if (!outcome.ok) throw outcome.error;
    await committed;
    return outcome.value;
  }

  /**
   * Always `begin immediate`: the group holds SQLite's write lock from its start, so a member that
   * writes never finds its snapshot overtaken by another process's commit (SQLITE_BUSY_SNAPSHOT).
   */
  private openGroup(): Group {
    this.exec('begin immediate');
    return new Group();
  }

  /**
   * Commits the group's transaction (or, given `failure`, rolls it back), answers everyone in it,
   * and lets the next query or writer in.
   */
  private endGroup(group: Group, failure?: Error): void {
    this.group = undefined;
    let outcome: unknown = failure;
    try {
      if (!failure) this.exec('commit');
    } catch (error) {
      outcome = error;
    }
    try {
      if (outcome !== undefined && this.client.inTransaction) this.exec('rollback');
    } catch (error) {
      // Neither committed nor rolled back: refuse everything from now on rather than let a later
      // write land in a transaction that will never be committed. The process must be restarted.
      this.broken = new Error('The database connection is unusable after a failed commit and rollback: restart carenav.', { cause: error });
      log.error({ err: errorMessage(error) }, 'SQLite: a failed commit could not be rolled back; refusing every query until restarted');
    } finally {
      group.settle(outcome);
      this.lock.release();
    }
  }

  async savepoint<T>(current: Scope, work: (tx: Db) => Promise<T>): Promise<T> {
    // Outside a transaction, SAVEPOINT would quietly begin a new one that nobody commits.
    if (!this.client.inTransaction) throw transactionEnded();
    const name = `sp${++this.savepoints}`;
    this.exec(`savepoint ${name}`);
    try {
      const result = await work(this.transactionDb());
      this.exec(`release savepoint ${name}`);
      return result;
    } catch (error) {
      // Unless SQLite has already ended the whole transaction (runTransaction tells the group).
      if (this.client.inTransaction) {
        try {
          this.exec(`rollback to savepoint ${name}`);
          this.exec(`release savepoint ${name}`);
        } catch {
          current.cleanupFailed = true;
        }
      }
      throw error;
    }
  }

  private transactionDb(): Db {
    const tx = new AsyncSqliteTransaction('async', this.sqlDialect, this, this.schema) as unknown as Db;
    tx.$client = this.client;
    tx.$engine = 'sqlite';
    tx.transaction = (work, config) => this.runTransaction(work, config);
    return tx;
  }

  /** drizzle's entry point; the domain calls `Db.transaction`, which is `runTransaction`. */
  override transaction<T>(work: (tx: never) => Promise<T>, config?: SQLiteTransactionConfig): Promise<T> {
    return this.runTransaction(work as (tx: Db) => Promise<T>, config);
  }
}

class AsyncSqliteTransaction extends SQLiteTransaction<'async', RunResult, Schema, TablesRelationalConfig> {
  override transaction<T>(): Promise<T> {
    throw new Error('replaced by AsyncSqliteSession.transactionDb');
  }
}

/** The domain's database over an open better-sqlite3 connection. */
export function wrap(sqlite: SqliteDatabase): Db {
  cacheStatements(sqlite);
  const dialect = new SQLiteAsyncDialect({ casing: 'snake_case' });
  const relational = extractSchema();
  const session = new AsyncSqliteSession(sqlite, dialect, relational);
  const db = new BaseSQLiteDatabase('async', dialect, session, relational as never) as unknown as Db;
  db.$client = sqlite;
  db.$engine = 'sqlite';
  db.transaction = (work, config) => session.runTransaction(work, config);
  return db;
}

let relationalSchema: RelationalSchemaConfig<TablesRelationalConfig> | undefined;
/** drizzle's relational view of the schema, built once, as its drivers build it. */
function extractSchema(): RelationalSchemaConfig<TablesRelationalConfig> {
  if (!relationalSchema) {
    const config = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relationalSchema = { fullSchema: schema, schema: config.tables, tableNamesMap: config.tableNamesMap };
  }
  return relationalSchema;
}

/**
 * A synchronous drizzle over the same connection, for what runs before anything is served or
 * outside any request: migrations, the online backup, scripts that fill a database in bulk.
 */
export function syncDb(db: Db): BetterSQLite3Database<Schema> {
  return drizzleSync({ client: db.$client, schema, casing: 'snake_case' });
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
