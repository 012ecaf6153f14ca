import { env } from '../server/env';

/** The two database engines carenav runs on (issue #19, docs/decisions/019-postgresql-beside-sqlite.md). */
export type Engine = 'sqlite' | 'postgres';

/** `postgres://…` or `postgresql://…` is PostgreSQL; anything else (`file:…`, a path) is a SQLite file. */
export function engineOfUrl(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/**
 * The engine this process serves, from `DATABASE_URL`. Fixed for the life of the process: the
 * tables the domain imports from db/schema are that engine's (db/schema/index.ts).
 */
export function configuredEngine(): Engine {
  return engineOfUrl(env().DATABASE_URL);
}
