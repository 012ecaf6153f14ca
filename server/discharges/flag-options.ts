import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, organisations } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid } from '../errors';
import { listPractices } from '../patients/list-options';

/** The hospitals a discharge can be flagged from: the directory's hospital trusts, by name. */
export async function listHospitals(db: Pick<Db, 'select'>) {
  return await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'hospital_trust'))
    .orderBy(asc(organisations.name))
    .all();
}

/**
 * What the flag form offers: GP practices (for a new record), the hospitals, and the hospital to
 * start with: the one this user chose when they last flagged a discharge, else their own
 * organisation if it is a hospital.
 */
export async function flagOptions(db: Db, actor: Actor) {
  const hospitals = await listHospitals(db);
  const last = await db
    .select({ id: discharges.hospitalOrganisationId })
    .from(discharges)
    .where(and(eq(discharges.flaggedByUserId, actor.userId), isNotNull(discharges.hospitalOrganisationId)))
    .orderBy(desc(discharges.createdAt))
    .limit(1)
    .get();
  const remembered = [last?.id, actor.organisationId].find((id) => id && hospitals.some((h) => h.id === id)) ?? '';
  return { practices: await listPractices(db), hospitals, hospitalId: remembered };
}

/** The hospital a flag names: one from the directory (checked to be a hospital), or a name given by an API caller. */
export async function hospitalOf(
  db: Pick<Db, 'select'>,
  input: { hospitalId?: string; hospital?: string },
): Promise<{ id: string | null; name: string }> {
  if (input.hospitalId) {
    const org = await db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, input.hospitalId))
      .get();
    if (org?.kind !== 'hospital_trust') throw new Invalid('hospitalId', 'Choose a hospital from the list');
    return { id: org.id, name: org.name };
  }
  return { id: null, name: input.hospital ?? '' };
}
