import { z } from 'zod';
import { and, asc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { containsText } from '../../db/engine-sql';
import { organisations, users } from '../../db/schema';

/** GP practices, for choosing where a person is registered. */
export async function listPractices(db: Db) {
  return await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'gp_practice'), eq(organisations.active, true)))
    .orderBy(asc(organisations.name))
    .all();
}

/** Active navigators of a team, for choosing a named contact. */
export async function listNavigators(db: Db, organisationId: string) {
  return await db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'navigator'), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all();
}

/** How many people a search for a colleague lists: type more of the name to narrow it. */
export const STAFF_SEARCH_LIMIT = 20;

export const StaffSearchSchema = z.object({
  search: z.string({ error: 'Search must be text' }).trim().max(100, 'Search must be 100 characters or fewer').default(''),
});
export type StaffSearchInput = z.infer<typeof StaffSearchSchema>;

/** What a search for a person to choose found: the first matches by name, and whether there were more. */
export type StaffMatches<T> = { matches: T[]; more: boolean };

/**
 * Every word typed must appear in the person's name or their organisation's name ("sam oko",
 * "okoro riverside"): plain text matching, so nothing typed is read as a wildcard. Null when fewer
 * than 2 letters were typed (nothing is listed).
 */
export function staffSearchWords(search: string): SQL | null {
  const words = search.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (words.join('').length < 2) return null;
  return and(
    ...words
      .slice(0, 5)
      .map((w) => or(containsText(sql`lower(${users.name})`, w), containsText(sql`lower(coalesce(${organisations.name}, ''))`, w))!),
  )!;
}

/**
 * Active staff in every organisation matching a search, for adding a colleague to a care team: the
 * first 20 by name. (Staff are a few thousand rows in a whole ICS: read in one pass.)
 */
export async function searchStaff(
  db: Db,
  input: StaffSearchInput,
): Promise<StaffMatches<{ id: string; name: string; jobTitle: string | null; organisationName: string }>> {
  const words = staffSearchWords(input.search);
  if (!words) return { matches: [], more: false };
  const rows = await db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(eq(users.active, true), ne(users.role, 'admin'), ne(users.role, 'carer'), words))
    .orderBy(asc(users.name), asc(organisations.name), asc(users.id))
    .limit(STAFF_SEARCH_LIMIT + 1)
    .all();
  return { matches: rows.slice(0, STAFF_SEARCH_LIMIT), more: rows.length > STAFF_SEARCH_LIMIT };
}
