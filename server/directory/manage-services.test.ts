import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { services } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { SERVICES_PAGE_SIZE } from './search-services';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
  // 60 more services, some sharing a name (the id breaks ties), a third switched off.
  await db
    .insert(services)
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        id: randomUUID(),
        name: i % 9 === 0 ? 'Same Name Service' : `Service ${String(i).padStart(2, '0')}`,
        providerName: i % 2 ? 'Northshire Homes' : 'Age Well',
        category: i % 2 ? ('housing' as const) : ('voluntary_community' as const),
        active: i % 3 !== 0,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      })),
    )
    .run();
});

describe('the administrators’ service directory', () => {
  it('pages by keyset: every service, switched off too, exactly once in name order, 25 to a page', async () => {
    const expected = (await db.select({ id: services.id }).from(services).orderBy(asc(services.name), asc(services.id)).all()).map(
      (s) => s.id,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await w.admin.caller.directory.manage({ cursor });
      expect(page.items.length).toBeLessThanOrEqual(SERVICES_PAGE_SIZE);
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / SERVICES_PAGE_SIZE));
  });

  it('searches and filters across pages, and refuses a cursor that is not one', async () => {
    const housing = await w.admin.caller.directory.manage({ query: 'northshire homes', category: 'housing' });
    const matches = (text: string) => text.toLowerCase().includes('northshire homes');
    const wanted = (await db.select().from(services).all()).filter(
      (s) => s.category === 'housing' && (matches(s.name) || matches(s.providerName) || matches(s.area)),
    );
    expect(wanted.length).toBeGreaterThan(SERVICES_PAGE_SIZE);
    expect(housing.total).toBe(wanted.length);
    expect(housing.items).toHaveLength(SERVICES_PAGE_SIZE);
    expect(housing.items.every((s) => s.category === 'housing')).toBe(true);
    expect((await failure(w.admin.caller.directory.manage({ cursor: 'x' }))).code).toBe('BAD_REQUEST');
    expect((await failure(w.navigator.caller.directory.manage({}))).code).toBe('FORBIDDEN');
  });
});
