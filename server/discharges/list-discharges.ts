import { z } from 'zod';
import { and, asc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { DISCHARGE_STATUSES, RISK_LEVELS, discharges, isActiveDischarge, organisations, patients, tasks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { dischargeScopeFor } from '../access/permissions';
import { Forbidden, Invalid } from '../errors';
import { afterCursor } from '../keyset';
import { policyPage, SealedCursorSchema } from '../policy-page';
import { isoDate } from '../validation';

export const ListDischargesSchema = z.object({
  status: z.enum(['active', 'all', ...DISCHARGE_STATUSES], { error: 'Choose a status from the list' }).default('active'),
  risk: z.union([z.literal(''), z.enum(RISK_LEVELS, { error: 'Choose a risk level from the list' })]).default(''),
  from: z.union([z.literal(''), isoDate('From')]).default(''),
  to: z.union([z.literal(''), isoDate('To')]).default(''),
  /** Sealed by the server (server/policy-page.ts). */
  cursor: SealedCursorSchema.optional(),
  /** How many to return at most (a home page shows a few, and sees and audits no more than those). */
  first: z.coerce.number().int().min(1).max(50).optional(),
});
export type ListDischargesInput = z.infer<typeof ListDischargesSchema>;

export const DISCHARGES_PAGE_SIZE = 25;

const flagger = alias(users, 'flagger');
const followedUpBy = alias(users, 'followed_up_by');
const flaggerOrg = alias(organisations, 'flagger_org');

/**
 * The discharge worklist, soonest expected first, with each one's checklist progress and, once
 * followed up, the outcome: the closed loop the flagger is waiting for. Each discharge passes the
 * access policy; those it refuses are left out and the refusal recorded (server/policy-page.ts).
 */
export async function listDischarges(db: Db, actor: Actor, input: ListDischargesInput, now = Date.now()) {
  const scope = dischargeScopeFor(actor.role);
  if (!scope) throw new Forbidden('Your role does not use the discharge worklist.');
  if (input.from && input.to && input.from > input.to) throw new Invalid('to', 'To must be the same as or after from');
  const conditions: (SQL | undefined)[] = [
    scope === 'caseload' ? eq(patients.caseloadOrganisationId, actor.organisationId ?? '') : eq(discharges.flaggedByUserId, actor.userId),
  ];
  if (input.status === 'active') conditions.push(isActiveDischarge(discharges.status));
  else if (input.status !== 'all') conditions.push(eq(discharges.status, input.status));
  if (input.risk) conditions.push(eq(discharges.riskLevel, input.risk));
  if (input.from) conditions.push(gte(discharges.expectedDate, input.from));
  // Always true, but a range on the expected date is what makes SQLite walk the active worklist's
  // partial index in date order and stop after a page, instead of sorting every active discharge
  // (or visiting every person on the team): 0.6 ms rather than 15 ms at the scale of an ICS.
  else if (input.status === 'active') conditions.push(gt(discharges.expectedDate, ''));
  if (input.to) conditions.push(lte(discharges.expectedDate, input.to));
  const fetch = async (cursor: { key: string; id: string } | null, count: number) =>
    await db
      .select({
        id: discharges.id,
        patientId: discharges.patientId,
        givenName: patients.givenName,
        familyName: patients.familyName,
        nhsNumber: patients.nhsNumber,
        hospital: discharges.hospital,
        ward: discharges.ward,
        expectedDate: discharges.expectedDate,
        pathway: discharges.pathway,
        riskLevel: discharges.riskLevel,
        status: discharges.status,
        flaggedByUserId: discharges.flaggedByUserId,
        flaggedByName: flagger.name,
        flaggedByOrganisationName: flaggerOrg.name,
        homeAt: discharges.homeAt,
        followedUpAt: discharges.followedUpAt,
        followedUpByName: followedUpBy.name,
        followUpOutcome: discharges.followUpOutcome,
        closedReason: discharges.closedReason,
        tasksDone: sql<number>`(select count(*) from ${tasks} where ${tasks.dischargeId} = ${discharges.id} and ${tasks.status} = 'done')`,
        tasksTotal: sql<number>`(select count(*) from ${tasks} where ${tasks.dischargeId} = ${discharges.id} and ${tasks.status} <> 'cancelled')`,
        tasksCancelled: sql<number>`(select count(*) from ${tasks} where ${tasks.dischargeId} = ${discharges.id} and ${tasks.status} = 'cancelled')`,
      })
      .from(discharges)
      .innerJoin(patients, eq(discharges.patientId, patients.id))
      .innerJoin(flagger, eq(discharges.flaggedByUserId, flagger.id))
      .leftJoin(flaggerOrg, eq(discharges.flaggedByOrganisationId, flaggerOrg.id))
      .leftJoin(followedUpBy, eq(discharges.followedUpByUserId, followedUpBy.id))
      .where(and(...conditions, cursor ? afterCursor(discharges.expectedDate, discharges.id, cursor, 'asc') : undefined))
      .orderBy(asc(discharges.expectedDate), asc(discharges.id))
      .limit(count)
      .all();
  const page = await policyPage(db, actor, {
    list: 'discharges',
    field: 'cursor',
    cursor: input.cursor,
    limit: input.first ?? DISCHARGES_PAGE_SIZE,
    now,
    fetch: async (after, count) => await fetch(after && { key: String(after.key), id: after.id }, count),
    keyOf: (r) => r.expectedDate,
    permission: 'discharge.read',
    patientIdOf: (r) => r.patientId,
    rowFacts: (r) => ({ actorFlaggedThisDischarge: r.flaggedByUserId === actor.userId }),
  });
  return { items: page.items, nextCursor: page.nextCursor };
}
