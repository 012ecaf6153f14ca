import { z } from 'zod';
import { and, asc, count, eq, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { likeIgnoringCase } from '../../db/engine-sql';
import { organisations, users } from '../../db/schema';
import { STAFF_ROLES } from '../access/permissions';
import { afterCursor, pageOf } from '../keyset';
import { freeText } from '../validation';

export const USER_STATUSES = ['active', 'deactivated'] as const;

/**
 * The staff list's search and filters, as the page's GET form sends them ('' is "any"), and the
 * keyset cursor: the id of the last account shown (the list is sorted by name, then id, and a name
 * is not a cursor an address should carry).
 */
export const ListUsersSchema = z
  .object({
    q: freeText('Name or email', 100).default(''),
    role: z.union([z.literal(''), z.enum(STAFF_ROLES)], { error: 'Role: choose a role from the list' }).default(''),
    organisationId: z.union([z.literal(''), z.uuid({ error: 'Organisation: choose an organisation from the list' })]).default(''),
    status: z.union([z.literal(''), z.enum(USER_STATUSES)], { error: 'Status: choose active or deactivated' }).default(''),
    cursor: z.uuid({ error: 'Cursor is not valid' }).optional(),
  })
  .prefault({});
export type ListUsersInput = z.infer<typeof ListUsersSchema>;
export type ListUsersQuery = z.input<typeof ListUsersSchema>;

export const USERS_PAGE_SIZE = 25;

/** `%text%` for LIKE, with LIKE's own wildcards taken out of what was typed. */
const containing = (text: string) => `%${text.replace(/[%_\\]/g, '')}%`;

/**
 * Staff accounts (carers are managed through invitations; carenav's own system user is not an
 * account), sorted by name, 25 to a page by keyset (an integrated care system has thousands), found
 * by part of the name or email and filtered by role, organisation and status. `total` is how many
 * accounts match, on every page.
 */
/** What the administrators' pages show of a staff account, in the list and on its own page. */
const STAFF_COLUMNS = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  jobTitle: users.jobTitle,
  organisationId: users.organisationId,
  organisationName: organisations.name,
};

export async function listUsers(db: Db, input: ListUsersInput = ListUsersSchema.parse(undefined)) {
  const conditions: (SQL | undefined)[] = [ne(users.role, 'carer'), ne(users.role, 'system')];
  if (input.q) conditions.push(or(likeIgnoringCase(users.name, containing(input.q)), likeIgnoringCase(users.email, containing(input.q))));
  if (input.role) conditions.push(eq(users.role, input.role));
  if (input.organisationId) conditions.push(eq(users.organisationId, input.organisationId));
  if (input.status) conditions.push(eq(users.active, input.status === 'active'));
  const matching = and(...conditions);
  // The cursor names the last account shown; the page continues after its (name, id) in the index on them.
  const last = input.cursor
    ? await db.select({ name: users.name, id: users.id }).from(users).where(eq(users.id, input.cursor)).get()
    : undefined;
  const rows = await db
    .select(STAFF_COLUMNS)
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(matching, last ? afterCursor(users.name, users.id, { key: last.name, id: last.id }, 'asc') : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE + 1)
    .all();
  const total = (await db.select({ n: count() }).from(users).where(matching).get())?.n ?? 0;
  const page = pageOf(rows, USERS_PAGE_SIZE, (r) => r.id);
  return { rows: page.items, nextCursor: page.nextCursor, total };
}

/** One staff account, by id (the administrator's page about them); undefined for a carer, the system user or no one. */
export async function getStaffUser(db: Db, userId: string) {
  return await db
    .select(STAFF_COLUMNS)
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(eq(users.id, userId), ne(users.role, 'carer'), ne(users.role, 'system')))
    .get();
}
