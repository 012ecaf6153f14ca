import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';

export async function listOrganisations(db: Db) {
  return await db.select().from(organisations).orderBy(asc(organisations.name)).all();
}
