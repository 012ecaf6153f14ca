import { ilike, like, sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { configuredEngine } from './engine';
import { patients } from './schema';

/**
 * The SQL that must be written differently on SQLite and on PostgreSQL, and only that (issue #19,
 * docs/decisions/019-postgresql-beside-sqlite.md). Everything else the use cases say is the same
 * SQL on both engines, proven by running the integration suite on each.
 */

// Decided once, as db/schema decides its tables once: the engine is fixed for the life of the process.
let onPostgres: boolean | undefined;
const postgres = () => (onPostgres ??= configuredEngine() === 'postgres');

/** Whether `text` contains `part` (already lower-cased), as plain text: nothing in `part` is a wildcard. */
export function containsText(text: SQLWrapper, part: string): SQL {
  return postgres() ? sql`(strpos(${text}, ${part}) > 0)` : sql`(instr(${text}, ${part}) > 0)`;
}

/** `column LIKE pattern` ignoring case, as SQLite's LIKE does (for the letters A to Z); PostgreSQL's ILIKE. */
export function likeIgnoringCase(column: Column | SQL, pattern: string): SQL {
  return postgres() ? ilike(column, pattern) : like(column, pattern);
}

/** The smaller of two values (SQLite's two-argument `min`, PostgreSQL's `least`); null if either is null on SQLite, ignored on PostgreSQL, so give neither as null. */
export function least(a: SQLWrapper | number, b: SQLWrapper | number): SQL {
  return postgres() ? sql`least(${a}, ${b})` : sql`min(${a}, ${b})`;
}

/** The larger of two values (SQLite's two-argument `max`, PostgreSQL's `greatest`); give neither as null. */
export function greatest(a: SQLWrapper | number, b: SQLWrapper | number): SQL {
  return postgres() ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;
}

/**
 * After a table in FROM: SQLite is told which index to read (its planner, without statistics on a
 * fresh database, may choose worse); PostgreSQL's planner has statistics and takes no such hint.
 */
export function indexedBy(index: string): SQL {
  return postgres() ? sql`` : sql.raw(`indexed by ${index}`);
}

/**
 * At the end of a subquery in FROM: keeps it from being merged into the query around it (so what it
 * computes per row is computed once). SQLite: a LIMIT of "no limit"; PostgreSQL: OFFSET 0.
 */
export function keepSubqueryApart(): SQL {
  return postgres() ? sql`offset 0` : sql`limit -1 offset 0`;
}

/**
 * People whose name has a word beginning with each of `words` (letters and digits only, lower case,
 * without accents: server/patients/search-patients.ts). SQLite: the FTS5 index (drizzle/0010, 0014),
 * taking its first `first` matches by name inside the index when asked; PostgreSQL: the prefix
 * tsvector index (drizzle-pg/0003), the caller's ORDER BY and LIMIT doing the same.
 */
export function nameHasWordsStartingWith(words: readonly string[], first?: number): SQL {
  if (postgres()) {
    return sql`carenav_name_search_vector(${patients.searchName}) @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`;
  }
  const match = words.map((w) => `"${w}"*`).join(' ');
  return first === undefined
    ? sql`${patients.id} in (select patient_id from patients_fts where patients_fts match ${match})`
    : sql`${patients.id} in (select patient_id from patients_fts where patients_fts match ${match} order by sort_name limit ${first})`;
}

/** A query answering one row when the table `name` exists (in the database's own schema), none otherwise. */
export function tableExists(name: string): SQL {
  return postgres()
    ? sql`select 1 from information_schema.tables where table_schema = current_schema() and table_name = ${name}`
    : sql`select 1 from sqlite_master where type = 'table' and name = ${name}`;
}
