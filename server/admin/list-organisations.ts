import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';

export function listOrganisations(db: Db) {
  return db.select().from(organisations).orderBy(asc(organisations.name)).all();
}
