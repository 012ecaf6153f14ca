import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import pg from 'pg';
import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  type RelationalSchemaConfig,
  type SQLWrapper,
  type TablesRelationalConfig,
} from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDatabase, PgDeleteBase, PgDialect, PgInsertBase, PgPreparedQuery, PgSelectBase, PgUpdateBase } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import { registerTransactionScope } from './transaction-scope';
import * as schema from './schema-pg';

/**
 * The domain's database on PostgreSQL (issue #19, docs/decisions/019-postgresql-beside-sqlite.md):
 * drizzle's node-postgres driver over a connection pool, answering the same calls the use cases
 * make on SQLite, so they are one code path:
 *
 * - `.get()`, `.all()` and `.run()` on a query, and `db.get/all/run(sql)`, as drizzle's SQLite
 *   driver has them (`.run()` reports `changes`, the rows a write touched, for version checks);
 * - `db.transaction(async (tx) => …)` is SERIALIZABLE, so what one transaction read cannot be
 *   changed under it by another (as with SQLite's one writer), and is run again, from the start,
 *   when PostgreSQL refuses it for that reason (a serialisation failure or a deadlock). Its
 *   callback does only database work (decision 018), so running it again is safe;
 * - a query made through the outer `db` from inside a transaction's callback runs on the
 *   transaction's connection, as it would on SQLite's one connection; a `transaction()` inside a
 *   transaction is a savepoint;
 * - counts, sums and bigint columns come back as numbers (every bigint here is a time in
 *   milliseconds or a count, far below 2^53).
 */

// int8 (count(*), sum(), bigint columns) and numeric (avg()) as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle-pg');

/** How often a transaction refused for a serialisation failure or a deadlock is tried, in all. */
const ATTEMPTS = 8;
/** PostgreSQL's codes for "try again": serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);

type RunResult = { changes: number; lastInsertRowid: number };
type Executable = { execute(): Promise<unknown> };
type RawExecutor = { execute(query: SQLWrapper): Promise<pg.QueryResult> };

let patched = false;
/** Gives drizzle's PostgreSQL builders the SQLite driver's `.get()`, `.all()` and `.run()`. */
function patchBuilders(): void {
  if (patched) return;
  patched = true;
  // drizzle's error for a refused query carries the query's values (a name searched for, an NHS
  // number, a password hash) in its message and `params`, and whatever prints it (Next's own error
  // log, a script) would show them: they are taken out here, once, for every query. The SQL text
  // (placeholders only) and the database's own error, as the cause, stay.
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: (...args: unknown[]) => Promise<unknown> };
  const queryWithCache = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await queryWithCache.apply(this, args);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Failed query:')) {
        error.message = error.message.replace(/\nparams: [\s\S]*$/, '');
        (error as { params?: unknown }).params = undefined;
      }
      throw error;
    }
  };
  const run = async function (this: Executable): Promise<RunResult> {
    const result = (await this.execute()) as pg.QueryResult | unknown[];
    return { changes: Array.isArray(result) ? result.length : (result.rowCount ?? 0), lastInsertRowid: 0 };
  };
  for (const Builder of [PgInsertBase, PgUpdateBase, PgDeleteBase]) {
    Object.assign(Builder.prototype, {
      run,
      async all(this: Executable) {
        return this.execute();
      },
      async get(this: Executable) {
        return ((await this.execute()) as unknown[])[0];
      },
    });
  }
  Object.assign(PgSelectBase.prototype, {
    async all(this: Executable) {
      return this.execute();
    },
    async get(this: Executable & { config: { limit?: unknown; setOperators?: unknown[] } }) {
      // SQLite's `.get()` stops at the first row; here the query asks for one row only.
      if (this.config.limit === undefined && !this.config.setOperators?.length) this.config.limit = 1;
      return ((await this.execute()) as unknown[])[0];
    },
  });
  Object.assign(PgDatabase.prototype, {
    async all(this: RawExecutor, query: SQLWrapper) {
      return (await this.execute(query)).rows as unknown[];
    },
    async get(this: RawExecutor, query: SQLWrapper) {
      return (await this.execute(query)).rows[0] as unknown;
    },
    async run(this: RawExecutor, query: SQLWrapper): Promise<RunResult> {
      return { changes: (await this.execute(query)).rowCount ?? 0, lastInsertRowid: 0 };
    },
  });
}

/** The transaction the current async call chain is inside, on which pool (so the outer `db` joins it). */
type Scope = { pool: pg.Pool; client: pg.PoolClient; tx: Db; open: boolean; savepoints: number };
const scope = new AsyncLocalStorage<Scope>();
registerTransactionScope(scope);

/** A pool whose queries, made from inside one of its transactions, run on that transaction's connection. */
class ScopedPool extends pg.Pool {
  /** Awaited before each new connection (tests: the database is created on first use). */
  beforeConnect?: () => Promise<void>;

  override connect(...args: unknown[]): never {
    const before = this.beforeConnect;
    const connect = (...a: unknown[]) => (super.connect as (...b: unknown[]) => never)(...a);
    if (!before) return connect(...args);
    const callback = args[0] as ((error: Error) => void) | undefined;
    if (!callback) return before().then(() => connect()) as never;
    before().then(() => connect(callback), callback);
    return undefined as never;
  }

  override query(...args: unknown[]): never {
    const current = scope.getStore();
    const target = current?.pool === this && current.open ? current.client : undefined;
    if (target) return (target.query as (...a: unknown[]) => never)(...args);
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

let relational: RelationalSchemaConfig<TablesRelationalConfig> | undefined;
function relationalSchema(): RelationalSchemaConfig<TablesRelationalConfig> {
  if (!relational) {
    const config = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relational = { fullSchema: schema, schema: config.tables, tableNamesMap: config.tableNamesMap };
  }
  return relational;
}

/** The SQLSTATE of a PostgreSQL error, whether thrown by the driver or wrapped by drizzle. */
function sqlState(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  return cause ? sqlState(cause) : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type PgOptions = {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Called before each new connection is made (tests: create the database first). */
  beforeConnect?: () => Promise<void>;
  /** The server cancels a query that runs longer (SQLSTATE 57014); 0 for none. Default 30 s. */
  statementTimeoutMs?: number;
};

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Every connection: durable commits (`synchronous_commit` on, whatever the server's default); a
 * transaction left idle for a minute (a request that never finishes) is ended by the server, and a
 * query running longer than the statement timeout is cancelled, so neither can hold every other
 * writer up for ever.
 */
const connectionOptions = (statementTimeoutMs: number) =>
  `-c synchronous_commit=on -c idle_in_transaction_session_timeout=60000 -c statement_timeout=${statementTimeoutMs} -c TimeZone=UTC`;

/** The domain's database over a PostgreSQL connection pool. */
export function createPgDb(url: string, options: PgOptions = {}): Db {
  patchBuilders();
  const pool = new ScopedPool({
    connectionString: url,
    max: options.max ?? 10,
    options: connectionOptions(Math.max(0, Math.floor(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS))),
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 10_000,
  });
  pool.beforeConnect = options.beforeConnect;
  // An idle connection the server ends (a restart, a failover) is dropped from the pool, not fatal.
  pool.on('error', () => undefined);
  const dialect = new PgDialect({ casing: 'snake_case' });
  const schemaConfig = relationalSchema();
  const session = new NodePgSession(pool, dialect, schemaConfig, {});
  const db = new PgDatabase(dialect, session, schemaConfig as never) as unknown as Db & { $engine: 'postgres' };
  Object.assign(db, { $client: pool, $engine: 'postgres' });

  const savepoint = async <T>(current: Scope, work: (tx: Db) => Promise<T>): Promise<T> => {
    const name = `sp${++current.savepoints}`;
    await current.client.query(`savepoint ${name}`);
    try {
      const result = await work(current.tx);
      await current.client.query(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await current.client.query(`rollback to savepoint ${name}`);
      await current.client.query(`release savepoint ${name}`);
      throw error;
    }
  };

  const transaction = async <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
    const current = scope.getStore();
    if (current?.pool === pool && current.open) return savepoint(current, work);
    for (let attempt = 1; ; attempt++) {
      const client = await (pool as pg.Pool).connect();
      const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, schemaConfig, {}), schemaConfig) as unknown as Db;
      Object.assign(tx, { $client: pool, $engine: 'postgres', transaction });
      const mine: Scope = { pool, client, tx, open: true, savepoints: 0 };
      let broken: Error | undefined;
      // The connection failing mid-transaction (the server gone, a failover) fails the query in hand;
      // without a listener its 'error' event would also be an uncaught exception that ends the process.
      const lost = (error: Error) => {
        broken ??= error;
      };
      client.on('error', lost);
      try {
        return await scope.run(mine, async () => {
          await client.query('begin isolation level serializable');
          try {
            const result = await work(tx);
            await client.query('commit');
            return result;
          } catch (error) {
            await client.query('rollback').catch((failed: Error) => {
              broken = failed;
            });
            throw error;
          }
        });
      } catch (error) {
        // drizzle wraps the driver's error (DrizzleQueryError): its SQLSTATE is on the cause.
        const code = sqlState(error);
        if (!broken && code && RETRYABLE.has(code) && attempt < ATTEMPTS) {
          mine.open = false;
          client.release();
          // Back off, with jitter, so the transactions that collided do not collide again.
          await sleep(Math.random() * 2 ** attempt * 5);
          continue;
        }
        throw error;
      } finally {
        client.off('error', lost);
        if (mine.open) {
          mine.open = false;
          // A connection whose rollback failed is closed, not handed to the next request.
          client.release(broken);
        }
      }
    }
  };
  db.transaction = transaction;
  return db;
}

/** The pool behind a PostgreSQL `Db`. */
export function poolOf(db: Db): pg.Pool {
  return db.$client as unknown as pg.Pool;
}

/** A key for `pg_advisory_lock`: carenav's migrations, one instance at a time. */
const MIGRATION_LOCK = 0x63617265; // "care"

/**
 * Applies drizzle-pg/'s migrations not yet applied, holding an advisory lock so that instances
 * starting together migrate one at a time (the second finds nothing left to do).
 */
export async function migratePg(db: Db, migrationsFolder = PG_MIGRATIONS_FOLDER): Promise<void> {
  const client = await poolOf(db).connect();
  try {
    // A migration may rebuild an index on millions of rows: no statement timeout for it.
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const dialect = new PgDialect({ casing: 'snake_case' });
      const session = new NodePgSession(client, dialect, undefined, {});
      await dialect.migrate(readMigrationFiles({ migrationsFolder }), session as never, { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    // Back to the pool with the pool's timeout, or closed if that fails.
    const reset = await client.query('reset statement_timeout').then(
      () => undefined,
      (error: Error) => error,
    );
    client.release(reset);
  }
}
