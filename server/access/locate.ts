import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, namedContactHandoffs, referrals, tasks } from '../../db/schema';

/** Which person a request is about, and facts about the thing itself that the policy needs. */
export type Located = {
  patientId: string;
  flaggedByUserId?: string | null;
  handoffToUserId?: string | null;
  /** For a referral: the organisation it was sent to. */
  referralToOrganisationId?: string;
};

type Reader = Pick<Db, 'select'>;

export const locatePatient = (_db: Reader, patientId: string): Located => ({ patientId });

export const locateDischarge = (db: Reader, id: string): Located | undefined =>
  db
    .select({ patientId: discharges.patientId, flaggedByUserId: discharges.flaggedByUserId })
    .from(discharges)
    .where(eq(discharges.id, id))
    .get();

export const locateTask = (db: Reader, id: string): Located | undefined =>
  db.select({ patientId: tasks.patientId }).from(tasks).where(eq(tasks.id, id)).get();

export const locateReferral = (db: Reader, id: string): Located | undefined =>
  db
    .select({ patientId: referrals.patientId, referralToOrganisationId: referrals.toOrganisationId })
    .from(referrals)
    .where(eq(referrals.id, id))
    .get();

export const locateHandoff = (db: Reader, id: string): Located | undefined =>
  db
    .select({ patientId: namedContactHandoffs.patientId, handoffToUserId: namedContactHandoffs.toUserId })
    .from(namedContactHandoffs)
    .where(eq(namedContactHandoffs.id, id))
    .get();
