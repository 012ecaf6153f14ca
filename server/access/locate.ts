import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, namedContactHandoffs, referrals, tasks, timelineEvents } from '../../db/schema';
import { isOpenReferral } from './load-patient-facts';

/** Which person a request is about, and facts about the thing itself that the policy needs. */
export type Located = {
  patientId: string;
  flaggedByUserId?: string | null;
  handoffToUserId?: string | null;
  /** For a referral: the organisation it was sent to. */
  referralToOrganisationId?: string;
  /** For a referral: no longer open (completed, declined or cancelled). */
  referralClosed?: boolean;
  /** For a finished referral (completed or declined): who worked it for the receiving team. */
  referralHandledBy?: string[];
};

type Reader = Pick<Db, 'select'>;

export const locatePatient = (_db: Reader, patientId: string): Located => ({ patientId });

export const locateDischarge = async (db: Reader, id: string): Promise<Located | undefined> =>
  await db
    .select({ patientId: discharges.patientId, flaggedByUserId: discharges.flaggedByUserId })
    .from(discharges)
    .where(eq(discharges.id, id))
    .get();

export const locateTask = async (db: Reader, id: string): Promise<Located | undefined> =>
  await db.select({ patientId: tasks.patientId }).from(tasks).where(eq(tasks.id, id)).get();

/** A referral is finished for the team that received it once it is completed or declined. */
export const FINISHED_REFERRAL_STATUSES = ['completed', 'declined'] as const;
const CLOSING_EVENTS = ['referral_completed', 'referral_declined'] as const;

/**
 * Whether `userId` worked this finished referral for the receiving team: it is completed or declined,
 * and they picked it up (its owner) or completed or declined it themselves (the closing event is
 * theirs, e.g. covering for the owner). The one definition, for one referral and for lists.
 */
export function referralHandledBy(userId: string): SQL {
  return and(
    inArray(referrals.status, FINISHED_REFERRAL_STATUSES),
    or(
      eq(referrals.ownerUserId, userId),
      sql`exists (select 1 from ${timelineEvents} where ${timelineEvents.patientId} = ${referrals.patientId} and ${timelineEvents.subjectType} = 'referral' and ${timelineEvents.subjectId} = ${referrals.id} and ${timelineEvents.actorUserId} = ${userId} and ${inArray(timelineEvents.kind, CLOSING_EVENTS)})`,
    ),
  )!;
}

export async function locateReferral(db: Reader, id: string): Promise<Located | undefined> {
  const row = await db
    .select({
      patientId: referrals.patientId,
      referralToOrganisationId: referrals.toOrganisationId,
      status: referrals.status,
      ownerUserId: referrals.ownerUserId,
    })
    .from(referrals)
    .where(eq(referrals.id, id))
    .get();
  if (!row) return undefined;
  const located: Located = {
    patientId: row.patientId,
    referralToOrganisationId: row.referralToOrganisationId,
    referralClosed: !isOpenReferral(row.status),
  };
  if ((FINISHED_REFERRAL_STATUSES as readonly string[]).includes(row.status)) {
    const closers = (
      await db
        .select({ userId: timelineEvents.actorUserId })
        .from(timelineEvents)
        .where(
          and(
            eq(timelineEvents.patientId, row.patientId),
            eq(timelineEvents.subjectType, 'referral'),
            eq(timelineEvents.subjectId, id),
            inArray(timelineEvents.kind, CLOSING_EVENTS),
          ),
        )
        .all()
    ).map((e) => e.userId);
    located.referralHandledBy = [...new Set([...(row.ownerUserId ? [row.ownerUserId] : []), ...closers])];
  }
  return located;
}

export const locateHandoff = async (db: Reader, id: string): Promise<Located | undefined> =>
  await db
    .select({ patientId: namedContactHandoffs.patientId, handoffToUserId: namedContactHandoffs.toUserId })
    .from(namedContactHandoffs)
    .where(eq(namedContactHandoffs.id, id))
    .get();
