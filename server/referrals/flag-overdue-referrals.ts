import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, referrals, services } from '../../db/schema';
import { SYSTEM_ACTOR } from '../access/actor';
import { notify, teamMembers } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';

const BATCH = 500;

/**
 * Flags each referral still waiting for a response after its target, once: the receiving team and
 * the referrer are notified and the timeline says so, in one transaction with the claim.
 */
export async function flagOverdueReferrals(db: Db, now = Date.now()): Promise<{ flagged: number }> {
  const due = await db
    .select({
      id: referrals.id,
      patientId: referrals.patientId,
      fromUserId: referrals.fromUserId,
      toOrganisationId: referrals.toOrganisationId,
      serviceName: services.name,
      sector: organisations.sector,
    })
    .from(referrals)
    .innerJoin(services, eq(referrals.serviceId, services.id))
    .innerJoin(organisations, eq(referrals.toOrganisationId, organisations.id))
    .where(and(isNull(referrals.overdueNotifiedAt), eq(referrals.status, 'sent'), lt(referrals.targetAt, now)))
    .limit(BATCH)
    .all();
  let flagged = 0;
  for (const r of due) {
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(referrals)
        .set({ overdueNotifiedAt: now })
        .where(and(eq(referrals.id, r.id), isNull(referrals.overdueNotifiedAt), eq(referrals.status, 'sent')))
        .run();
      if (claimed.changes !== 1) return;
      flagged++;
      const summary = `Referral to ${r.serviceName} is past its response time`;
      await appendEvent(
        tx,
        SYSTEM_ACTOR,
        {
          patientId: r.patientId,
          kind: 'referral_overdue',
          summary,
          subjectType: 'referral',
          subjectId: r.id,
          onBehalfOf: { organisationId: r.toOrganisationId, sector: r.sector },
        },
        now,
      );
      await notify(
        tx,
        [...(await teamMembers(tx, r.toOrganisationId)), r.fromUserId],
        {
          kind: 'referral_overdue',
          title: summary,
          link: `/referrals/${r.id}`,
          about: { patientId: r.patientId, permission: 'referral.read', referralToOrganisationId: r.toOrganisationId },
        },
        now,
      );
    });
  }
  return { flagged };
}
