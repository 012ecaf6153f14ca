import { asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';

/** Staff accounts (carers are managed through invitations, not here). */
export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      jobTitle: users.jobTitle,
      organisationId: users.organisationId,
      organisationName: organisations.name,
    })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(ne(users.role, 'carer'))
    .orderBy(asc(users.name))
    .all();
}
