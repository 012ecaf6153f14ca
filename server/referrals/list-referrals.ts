import { isOpenReferral } from '../access/load-patient-facts';
import { z } from 'zod';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { organisations, patients, referrals, services, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { referralHandledBy } from '../access/locate';
import { afterCursor } from '../keyset';
import { policyPage, SealedCursorSchema } from '../policy-page';

export const REFERRAL_VIEWS = ['new', 'active', 'overdue', 'completed', 'sent'] as const;
export type ReferralView = (typeof REFERRAL_VIEWS)[number];

export const ListReferralsSchema = z.object({
  view: z.enum(REFERRAL_VIEWS, { error: 'Choose which referrals: new, accepted, overdue, completed or sent' }).default('new'),
  /** Sealed by the server (server/policy-page.ts). */
  cursor: SealedCursorSchema.optional(),
  /** How many to return at most (a home page shows a few, and sees and audits no more than those). */
  first: z.coerce.number().int().min(1).max(50).optional(),
});
export type ListReferralsInput = z.infer<typeof ListReferralsSchema>;

export const REFERRALS_PAGE_SIZE = 25;
const owner = alias(users, 'owner');
const referrer = alias(users, 'referrer');
const fromOrg = alias(organisations, 'from_org');
const toOrg = alias(organisations, 'to_org');

/**
 * The team inbox (new, accepted and in progress, overdue) for my organisation, the finished
 * referrals I worked for it (completed or declined), and what my organisation sent, newest first.
 * Each row passes the access policy; those it refuses are left out and the refusal recorded
 * (server/policy-page.ts).
 */
export async function listReferrals(db: Db, actor: Actor, input: ListReferralsInput, now = Date.now()) {
  const mine = actor.organisationId ?? '';
  const handled = referralHandledBy(actor.userId);
  const scope: Record<ReferralView, SQL | undefined> = {
    new: and(eq(referrals.toOrganisationId, mine), eq(referrals.status, 'sent')),
    active: and(eq(referrals.toOrganisationId, mine), inArray(referrals.status, ['accepted', 'in_progress'])),
    overdue: and(eq(referrals.toOrganisationId, mine), eq(referrals.status, 'sent'), lt(referrals.targetAt, now)),
    completed: and(eq(referrals.toOrganisationId, mine), handled),
    sent: or(eq(referrals.fromOrganisationId, mine), eq(referrals.fromUserId, actor.userId)),
  };
  const fetch = async (cursor: { key: number; id: string } | null, count: number) =>
    await db
      .select({
        id: referrals.id,
        patientId: referrals.patientId,
        givenName: patients.givenName,
        familyName: patients.familyName,
        serviceName: services.name,
        toOrganisationId: referrals.toOrganisationId,
        toOrganisationName: toOrg.name,
        fromName: referrer.name,
        fromOrganisationName: fromOrg.name,
        ownerName: owner.name,
        urgency: referrals.urgency,
        status: referrals.status,
        outcome: referrals.outcome,
        outcomeReason: referrals.outcomeReason,
        declineReason: referrals.declineReason,
        targetAt: referrals.targetAt,
        respondedAt: referrals.respondedAt,
        sentAt: referrals.sentAt,
        closedAt: referrals.closedAt,
        handledByMe: sql<number>`case when ${handled} then 1 else 0 end`,
      })
      .from(referrals)
      .innerJoin(patients, eq(referrals.patientId, patients.id))
      .innerJoin(services, eq(referrals.serviceId, services.id))
      .innerJoin(toOrg, eq(referrals.toOrganisationId, toOrg.id))
      .innerJoin(referrer, eq(referrals.fromUserId, referrer.id))
      .leftJoin(fromOrg, eq(referrals.fromOrganisationId, fromOrg.id))
      .leftJoin(owner, eq(referrals.ownerUserId, owner.id))
      .where(and(scope[input.view], cursor ? afterCursor(referrals.sentAt, referrals.id, cursor, 'desc') : undefined))
      .orderBy(desc(referrals.sentAt), desc(referrals.id))
      .limit(count)
      .all();
  const page = await policyPage(db, actor, {
    list: `referrals:${input.view}`,
    field: 'cursor',
    cursor: input.cursor,
    limit: input.first ?? REFERRALS_PAGE_SIZE,
    now,
    fetch: async (after, count) => await fetch(after && { key: Number(after.key), id: after.id }, count),
    keyOf: (r) => r.sentAt,
    permission: 'referral.read',
    patientIdOf: (r) => r.patientId,
    // Each row is one referral: the policy decides on it, not only on its person.
    rowFacts: (r) => {
      const toMine = r.toOrganisationId === actor.organisationId;
      return {
        referralToActorOrganisation: toMine,
        referralClosed: !isOpenReferral(r.status),
        referralHandledByActor: toMine && r.handledByMe === 1,
      };
    },
  });
  return { items: page.items, nextCursor: page.nextCursor };
}
