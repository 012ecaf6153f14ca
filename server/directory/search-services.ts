import { z } from 'zod';
import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { SERVICE_CATEGORIES, organisations, services } from '../../db/schema';
import { freeText } from '../validation';

export const SearchServicesSchema = z.object({
  query: freeText('Search', 100).default(''),
  category: z.union([z.literal(''), z.enum(SERVICE_CATEGORIES)], { error: 'Choose a category from the list' }).default(''),
  /** Administrators also see services that are switched off. */
  includeInactive: z.boolean().default(false),
});
export type SearchServicesInput = z.infer<typeof SearchServicesSchema>;

const LIMIT = 100;

/** The directory, searchable by name, provider or area, and by category. */
export function searchServices(db: Db, input: SearchServicesInput) {
  const conditions: (SQL | undefined)[] = [];
  if (!input.includeInactive) conditions.push(eq(services.active, true));
  if (input.category) conditions.push(eq(services.category, input.category));
  if (input.query) {
    const q = `%${input.query.replace(/[%_]/g, '')}%`;
    conditions.push(or(like(services.name, q), like(services.providerName, q), like(services.area, q)));
  }
  return db
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
    .where(and(...conditions))
    .orderBy(asc(services.name))
    .limit(LIMIT)
    .all();
}

export function getService(db: Db, serviceId: string) {
  return db.select().from(services).where(eq(services.id, serviceId)).get();
}
