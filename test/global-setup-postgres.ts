import type { TestProject } from 'vitest/node';
import { createPgDb, migratePg, poolOf } from '../db/pg-client';
import { ensurePostgresInstalled, startPostgres, type PostgresServer } from '../scripts/lib/postgres.mjs';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- vitest's context is widened by merging an interface
  export interface ProvidedContext {
    /** The test PostgreSQL server's address, on its template database (test/db.ts copies it per test). */
    postgresTemplateUrl: string;
  }
}

export const TEMPLATE_DATABASE = 'carenav_template';

let server: PostgresServer | undefined;

/**
 * The PostgreSQL projects' server (vitest.config.mts): one PostgreSQL on a loopback port for the
 * whole run, with a template database migrated once; each test gets a database copied from it
 * (test/db.ts). Durability is not under test here (test/reliability is), so commits are not
 * flushed to disk: `fsync` and `synchronous_commit` off make the thousand databases cheap.
 */
export async function setup(project: TestProject) {
  process.env.TZ = 'Europe/London';
  ensurePostgresInstalled();
  server = await startPostgres({
    database: TEMPLATE_DATABASE,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 },
  });
  const db = createPgDb(server.url, { max: 1 });
  try {
    await migratePg(db);
  } finally {
    await poolOf(db).end();
  }
  project.provide('postgresTemplateUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
