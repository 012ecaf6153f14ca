import type { Db } from '../../db/client';
import type { Actor } from './actor';
import { loadPatientFacts } from './load-patient-facts';
import type { Permission } from './permissions';
import { decidePatientAccess, type AccessDecision } from './policy';

/** The policy's decision on one person, by id, outside a procedure (e.g. a duplicate found on create). */
export async function decideForPatient(
  db: Pick<Db, 'select'>,
  actor: Actor,
  patientId: string,
  permission: Permission,
): Promise<AccessDecision | null> {
  const facts = (await loadPatientFacts(db, actor, [patientId])).get(patientId);
  return facts ? decidePatientAccess(actor, facts, permission) : null;
}
