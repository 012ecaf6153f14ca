import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, ne } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { USERS_PAGE_SIZE } from './list-users';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

/** 70 more staff accounts (some sharing a name, so the id breaks ties) and 10 carers, who are never listed. */
async function addAccounts() {
  const rows = Array.from({ length: 80 }, (_, i) => ({
    id: randomUUID(),
    email: `person.${i}@example.nhs.uk`,
    name: i % 7 === 0 ? 'Alex Same' : `Person ${String(i).padStart(2, '0')}`,
    role: i >= 70 ? ('carer' as const) : i % 2 ? ('navigator' as const) : ('gp_staff' as const),
    organisationId: i >= 70 ? null : i % 2 ? w.orgs.navTeam.id : w.orgs.practice.id,
    passwordHash: 'x',
    active: i % 5 !== 0,
    createdAt: Date.now(),
  }));
  await db.insert(users).values(rows).run();
}

/** Every page of the list for this search, following "next page" until there is none. */
async function everyPage(filters: Record<string, string> = {}) {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await w.admin.caller.admin.users({ ...filters, cursor });
    expect(page.rows.length).toBeLessThanOrEqual(USERS_PAGE_SIZE);
    seen.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 100);
  return { seen, pages };
}

beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
  await addAccounts();
});

describe('the administrators’ staff list', () => {
  it('pages by keyset: every staff account exactly once, in name order, 25 to a page, no carer', async () => {
    const expected = (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(ne(users.role, 'carer'), ne(users.role, 'system')))
        .orderBy(asc(users.name), asc(users.id))
        .all()
    ).map((u) => u.id);
    expect(expected.length).toBeGreaterThan(2 * USERS_PAGE_SIZE);
    const first = await w.admin.caller.admin.users();
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    expect(first.total).toBe(expected.length);
    const { seen, pages } = await everyPage();
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / USERS_PAGE_SIZE));
  });

  it('finds accounts by part of the name or email, and filters by role, organisation and status, across pages', async () => {
    const byName = await w.admin.caller.admin.users({ q: 'alex same' });
    expect(byName.rows.map((r) => r.name)).toEqual(Array(byName.rows.length).fill('Alex Same'));
    expect(byName.total).toBe(10);
    const byEmail = await w.admin.caller.admin.users({ q: 'PERSON.1' });
    expect(byEmail.rows.every((r) => r.email.includes('person.1'))).toBe(true);
    expect(byEmail.total).toBe(11); // person.1 and person.10 to person.19
    // Wildcards typed are taken as nothing, never as "everything".
    expect((await w.admin.caller.admin.users({ q: '%' })).total).toBe((await w.admin.caller.admin.users()).total);

    const navigators = await everyPage({ role: 'navigator', organisationId: w.orgs.navTeam.id, status: 'active' });
    const rows = await db.select().from(users).all();
    const wanted = rows.filter((u) => u.role === 'navigator' && u.organisationId === w.orgs.navTeam.id && u.active);
    expect(new Set(navigators.seen)).toEqual(new Set(wanted.map((u) => u.id)));
    expect(navigators.seen).toHaveLength(wanted.length);

    const deactivated = await everyPage({ status: 'deactivated' });
    expect(deactivated.seen.length).toBeGreaterThan(0);
    for (const id of deactivated.seen) expect(rows.find((u) => u.id === id)!.active).toBe(false);
  });

  it('refuses a filter that is not in the lists, naming it, and an unknown cursor starts again', async () => {
    for (const [field, value] of [
      ['role', 'carer'],
      ['status', 'gone'],
      ['organisationId', 'not-an-id'],
      ['cursor', 'x'],
    ] as const) {
      const refused = await failure(w.admin.caller.admin.users({ [field]: value }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toMatch(new RegExp(`^${field}:`));
    }
    const restart = await w.admin.caller.admin.users({ cursor: randomUUID() });
    expect(restart.rows[0]!.id).toBe((await w.admin.caller.admin.users()).rows[0]!.id);
  });

  it('opens one staff account by id, never a carer’s', async () => {
    expect(await w.admin.caller.admin.user({ userId: w.navigator.row.id })).toMatchObject({
      id: w.navigator.row.id,
      name: w.navigator.row.name,
    });
    expect((await failure(w.admin.caller.admin.user({ userId: w.carer.row.id }))).code).toBe('NOT_FOUND');
    expect((await failure(w.navigator.caller.admin.user({ userId: w.navigator.row.id }))).code).toBe('FORBIDDEN');
  });
});
