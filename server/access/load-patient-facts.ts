import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  breakGlassGrants,
  careTeamMembers,
  carerLinks,
  consents,
  patients,
  referrals,
  type ConsentPurpose,
  NEWEST_DECISION_FIRST,
} from '../../db/schema';
import type { Actor } from './actor';
import type { PatientFacts } from './policy';
import type { ConsentInForce } from './sharing-rules';

type Reader = Pick<Db, 'select'>;

/** Latest decision per purpose for each person (the one in force), for many people at once. */
export async function loadConsentsInForce(
  db: Reader,
  patientIds: string[],
): Promise<Map<string, Partial<Record<ConsentPurpose, ConsentInForce>>>> {
  const result = new Map<string, Partial<Record<ConsentPurpose, ConsentInForce>>>();
  if (patientIds.length === 0) return result;
  const rows = await db
    .select({
      patientId: consents.patientId,
      purpose: consents.purpose,
      decision: consents.decision,
      decidedAt: consents.decidedAt,
    })
    .from(consents)
    .where(inArray(consents.patientId, patientIds))
    .orderBy(...NEWEST_DECISION_FIRST)
    .all();
  for (const row of rows) {
    const forPatient = result.get(row.patientId) ?? {};
    // Rows come newest first, so the first seen per purpose is the one in force.
    forPatient[row.purpose] ??= { decision: row.decision, decidedAt: row.decidedAt };
    result.set(row.patientId, forPatient);
  }
  return result;
}

/**
 * For a carer: the decision in force about sharing with the carer named on each of their links,
 * per person (null when linked but nothing is recorded for that carer). People they are not
 * linked to are left out.
 */
export async function loadCarerConsents(
  db: Reader,
  carerUserId: string,
  patientIds: string[],
): Promise<Map<string, ConsentInForce | null>> {
  const result = new Map<string, ConsentInForce | null>();
  if (patientIds.length === 0) return result;
  const links = await db
    .select({ patientId: carerLinks.patientId, carerKey: carerLinks.carerKey })
    .from(carerLinks)
    .where(and(eq(carerLinks.carerUserId, carerUserId), inArray(carerLinks.patientId, patientIds)))
    .all();
  for (const link of links) {
    const latest = await carerConsentInForce(db, link.patientId, link.carerKey);
    result.set(link.patientId, latest ? { decision: latest.decision, decidedAt: latest.decidedAt } : null);
  }
  return result;
}

/** The person's decision in force about sharing with one named carer (by the carer's key), if any. */
export async function carerConsentInForce(db: Reader, patientId: string, carerKey: string) {
  return await db
    .select({ decision: consents.decision, decidedAt: consents.decidedAt, carerName: consents.carerName })
    .from(consents)
    .where(and(eq(consents.patientId, patientId), eq(consents.purpose, 'named_carer'), eq(consents.carerKey, carerKey)))
    .orderBy(...NEWEST_DECISION_FIRST)
    .limit(1)
    .get();
}

/** Emergency access `userId` holds right now, per person. */
async function loadBreakGlass(db: Reader, userId: string, patientIds: string[], now: number) {
  const result = new Map<string, { until: number; reason: string }>();
  const rows = await db
    .select({ patientId: breakGlassGrants.patientId, until: breakGlassGrants.expiresAt, reason: breakGlassGrants.reason })
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), inArray(breakGlassGrants.patientId, patientIds), gt(breakGlassGrants.expiresAt, now)))
    .orderBy(desc(breakGlassGrants.expiresAt))
    .all();
  for (const row of rows) if (!result.has(row.patientId)) result.set(row.patientId, { until: row.until, reason: row.reason });
  return result;
}

/** A referral gives the receiving team access while it is open: sent, accepted or being worked. */
export const OPEN_REFERRAL_STATUSES = ['sent', 'accepted', 'in_progress'] as const;

/** Whether a referral with this status is still open (sent, accepted or in progress). */
export const isOpenReferral = (status: string) => (OPEN_REFERRAL_STATUSES as readonly string[]).includes(status);

/** The facts the policy needs, for each of `patientIds` that exists (missing ids are left out). */
export async function loadPatientFacts(
  db: Reader,
  actor: Actor,
  patientIds: string[],
  now = Date.now(),
): Promise<Map<string, PatientFacts>> {
  const facts = new Map<string, PatientFacts>();
  if (patientIds.length === 0) return facts;
  const rows = await db
    .select({
      id: patients.id,
      registeredPracticeId: patients.registeredPracticeId,
      caseloadOrganisationId: patients.caseloadOrganisationId,
      namedContactUserId: patients.namedContactUserId,
    })
    .from(patients)
    .where(inArray(patients.id, patientIds))
    .all();
  const onTeam = new Set(
    (
      await db
        .select({ patientId: careTeamMembers.patientId })
        .from(careTeamMembers)
        .where(
          and(inArray(careTeamMembers.patientId, patientIds), eq(careTeamMembers.userId, actor.userId), isNull(careTeamMembers.removedAt)),
        )
        .all()
    ).map((r) => r.patientId),
  );
  const referred = new Set(
    actor.organisationId
      ? (
          await db
            .select({ patientId: referrals.patientId })
            .from(referrals)
            .where(
              and(
                inArray(referrals.patientId, patientIds),
                eq(referrals.toOrganisationId, actor.organisationId),
                inArray(referrals.status, OPEN_REFERRAL_STATUSES),
              ),
            )
            .all()
        ).map((r) => r.patientId)
      : [],
  );
  const consentMap = await loadConsentsInForce(db, patientIds);
  const carerConsents = actor.role === 'carer' ? await loadCarerConsents(db, actor.userId, patientIds) : null;
  const breakGlass = actor.role === 'carer' ? null : await loadBreakGlass(db, actor.userId, patientIds, now);
  for (const row of rows) {
    facts.set(row.id, {
      patientId: row.id,
      registeredPracticeId: row.registeredPracticeId,
      caseloadOrganisationId: row.caseloadOrganisationId,
      namedContactUserId: row.namedContactUserId,
      actorOnCareTeam: onTeam.has(row.id),
      referralToActorTeam: referred.has(row.id),
      consents: consentMap.get(row.id) ?? {},
      ...(carerConsents?.has(row.id) ? { carerConsent: carerConsents.get(row.id) ?? null } : {}),
      breakGlass: breakGlass?.get(row.id) ?? null,
    });
  }
  return facts;
}
