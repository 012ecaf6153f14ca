import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';

/** Staff accounts (carers are managed through invitations; carenav's own system user is not an account). */
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
    .where(and(ne(users.role, 'carer'), ne(users.role, 'system')))
    .orderBy(asc(users.name))
    .all();
}
