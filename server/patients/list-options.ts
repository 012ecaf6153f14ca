import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';

/** GP practices, for choosing where a person is registered. */
export function listPractices(db: Db) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'gp_practice'), eq(organisations.active, true)))
    .orderBy(asc(organisations.name))
    .all();
}

/** Active navigators of a team, for choosing a named contact. */
export function listNavigators(db: Db, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'navigator'), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all();
}

/** Active staff in every organisation, for adding a colleague to a care team. */
export function listStaff(db: Db) {
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(eq(users.active, true), ne(users.role, 'admin'), ne(users.role, 'carer')))
    .orderBy(asc(organisations.name), asc(users.name))
    .all();
}
