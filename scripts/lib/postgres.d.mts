// Types for scripts/lib/postgres.mjs, so the TypeScript tests can use it (the project has no allowJs).

export type PostgresServer = {
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust authentication: no password). */
  url: string;
  port: number;
  database: string;
  dataDir: string;
  /** The directory with initdb, postgres, pg_ctl, psql… */
  bin: string;
  /** Runs SQL through psql on `database` (by default the server's own); its output, unaligned, no headers. */
  psql(sql: string, database?: string): string;
  /** Sends `signal` (by default SIGKILL: a crash) to the postmaster. */
  kill(signal?: NodeJS.Signals): void;
  /** Fast shutdown, then removes the data directory. Safe to call twice. */
  stop(): Promise<void>;
};

export type PostgresReplica = PostgresServer & {
  /** Ends recovery, waiting until the replica takes writes. */
  promote(): void;
};

export function ensurePostgresInstalled(): string;

export function startPostgres(options?: { database?: string; settings?: Record<string, string | number> }): Promise<PostgresServer>;

export function startReplica(primary: PostgresServer, options?: { synchronous?: boolean; name?: string }): Promise<PostgresReplica>;

export function psql(bin: string, url: string, sql: string): string;
