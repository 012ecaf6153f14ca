import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';
import type { Actor } from '../access/actor';
import { listPractices } from '../patients/list-options';

/** What the flag form offers: GP practices (for a new record), and the flagger's hospital as the default. */
export function flagOptions(db: Db, actor: Actor) {
  const own = actor.organisationId ? db.select().from(organisations).where(eq(organisations.id, actor.organisationId)).get() : undefined;
  return { practices: listPractices(db), hospital: own?.kind === 'hospital_trust' ? own.name : '' };
}
