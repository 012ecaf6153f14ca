import { z } from 'zod';
import { and, asc, count, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { likeIgnoringCase } from '../../db/engine-sql';
import { SERVICE_CATEGORIES, organisations, services } from '../../db/schema';
import { freeText } from '../validation';
import { afterCursor, pageOf } from '../keyset';

export const SearchServicesSchema = z.object({
  query: freeText('Search', 100).default(''),
  category: z.union([z.literal(''), z.enum(SERVICE_CATEGORIES)], { error: 'Choose a category from the list' }).default(''),
  /** Administrators also see services that are switched off. */
  includeInactive: z.boolean().default(false),
});
export type SearchServicesInput = z.infer<typeof SearchServicesSchema>;

const LIMIT = 100;

/** What a search of the directory matches: by name, provider or area, and by category. */
function matching(input: SearchServicesInput): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (!input.includeInactive) conditions.push(eq(services.active, true));
  if (input.category) conditions.push(eq(services.category, input.category));
  if (input.query) {
    const q = `%${input.query.replace(/[%_]/g, '')}%`;
    conditions.push(or(likeIgnoringCase(services.name, q), likeIgnoringCase(services.providerName, q), likeIgnoringCase(services.area, q)));
  }
  return and(...conditions);
}

/** The directory, searchable by name, provider or area, and by category. */
export async function searchServices(db: Db, input: SearchServicesInput) {
  return await listed(db, matching(input), LIMIT);
}

/** The administrators' directory: a search, and the keyset cursor (the id of the last service shown). */
export const ManageServicesSchema = SearchServicesSchema.extend({
  cursor: z.uuid({ error: 'Cursor is not valid' }).optional(),
});
export type ManageServicesInput = z.infer<typeof ManageServicesSchema>;
export type ManageServicesQuery = z.input<typeof ManageServicesSchema>;

export const SERVICES_PAGE_SIZE = 25;

/**
 * Every service, switched off too, 25 to a page by keyset on (name, id), with how many match in all
 * (an integrated care system's directory runs to hundreds).
 */
export async function manageServices(db: Db, input: ManageServicesInput) {
  const where = matching({ ...input, includeInactive: true });
  const last = input.cursor
    ? await db.select({ name: services.name, id: services.id }).from(services).where(eq(services.id, input.cursor)).get()
    : undefined;
  const rows = await listed(
    db,
    and(where, last ? afterCursor(services.name, services.id, { key: last.name, id: last.id }, 'asc') : undefined),
    SERVICES_PAGE_SIZE + 1,
  );
  const total = (await db.select({ n: count() }).from(services).where(where).get())?.n ?? 0;
  return { ...pageOf(rows, SERVICES_PAGE_SIZE, (s) => s.id), total };
}

async function listed(db: Db, where: SQL | undefined, limit: number) {
  return await db
    .select({
      id: services.id,
      name: services.name,
      providerName: services.providerName,
      category: services.category,
      area: services.area,
      eligibility: services.eligibility,
      contact: services.contact,
      active: services.active,
      externalId: services.externalId,
      organisationId: services.organisationId,
      organisationName: organisations.name,
      targetUrgentHours: services.targetUrgentHours,
      targetSoonWorkingDays: services.targetSoonWorkingDays,
      targetRoutineWorkingDays: services.targetRoutineWorkingDays,
    })
    .from(services)
    .leftJoin(organisations, eq(services.organisationId, organisations.id))
    .where(where)
    .orderBy(asc(services.name), asc(services.id))
    .limit(limit)
    .all();
}

export async function getService(db: Db, serviceId: string) {
  return await db.select().from(services).where(eq(services.id, serviceId)).get();
}
