import { z } from 'zod';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Lists page by keyset: the cursor is "<sort key>_<id>" of the last row shown, opaque to callers.
 * The sort key is a number (a moment) or an ISO date; the id breaks ties.
 */
export const CursorSchema = z
  .string({ error: 'Cursor is not valid' })
  .regex(/^[0-9-]{1,15}_[0-9a-f-]{36}$/, 'Cursor is not valid')
  .transform((v) => {
    const cut = v.indexOf('_');
    return { key: v.slice(0, cut), id: v.slice(cut + 1) };
  });

export const encodeCursor = (key: string | number, id: string) => `${key}_${id}`;

/** The page and the cursor for the next one, from rows fetched with `limit + 1`. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/**
 * The keyset condition "after the cursor's row" in a list sorted by (key, id), both ascending or
 * both descending. Written as a row-value comparison so SQLite seeks straight to the cursor in an
 * index on (…, key, id): page 5,000 costs what page 1 does. (The equivalent
 * `key < k OR (key = k AND id < i)` makes SQLite walk every earlier row.)
 */
export function afterCursor(
  key: AnyColumn | SQL,
  id: AnyColumn,
  cursor: { key: string | number; id: string },
  direction: 'asc' | 'desc',
): SQL {
  return direction === 'desc' ? sql`(${key}, ${id}) < (${cursor.key}, ${cursor.id})` : sql`(${key}, ${id}) > (${cursor.key}, ${cursor.id})`;
}
