import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { configuredEngine } from './engine';

/**
 * The SQL that must be written differently on SQLite and on PostgreSQL, and only that (issue #19,
 * docs/decisions/019-postgresql-beside-sqlite.md). Everything else the use cases say is the same
 * SQL on both engines, proven by running the integration suite on each.
 */

const postgres = () => configuredEngine() === 'postgres';

/** Whether `text` contains `part` (already lower-cased), as plain text: nothing in `part` is a wildcard. */
export function containsText(text: SQLWrapper, part: string): SQL {
  return postgres() ? sql`(strpos(${text}, ${part}) > 0)` : sql`(instr(${text}, ${part}) > 0)`;
}
