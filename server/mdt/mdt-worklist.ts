import { and, asc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, patients, referrals, tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { OPEN_REFERRAL_STATUSES } from '../access/load-patient-facts';
import { filterAccessible } from '../access/filter-accessible';

const DAY = 86_400_000;

/** Why someone is on the MDT list, in the words shown beside them. */
export const MDT_REASONS = {
  highRisk: 'High risk',
  overdueTasks: 'Overdue tasks',
  declinedReferral: 'Referral declined in the last 30 days',
  overdueReferral: 'Referral past its response time',
  recentlyHome: 'Home from hospital in the last 7 days',
  noContact: 'No contact in 30 days',
} as const;
export type MdtReason = keyof typeof MDT_REASONS;

/**
 * The people on the actor's team caseload who need discussing at the weekly MDT meeting, each with
 * the reasons: high risk, overdue tasks, a referral declined or past its response time, home from
 * hospital in the last 7 days, or no contact in 30 days. Most reasons first.
 */
export function mdtWorklist(db: Db, actor: Actor, now = Date.now()) {
  const team = eq(patients.caseloadOrganisationId, actor.organisationId ?? '');
  const active = and(team, eq(patients.status, 'active'));
  const people = db
    .select({
      id: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      riskLevel: patients.riskLevel,
      lastContactAt: patients.lastContactAt,
      namedContactUserId: patients.namedContactUserId,
    })
    .from(patients)
    .where(active)
    .orderBy(asc(patients.familyName), asc(patients.givenName))
    .all();
  const idsWith = (rows: { patientId: string }[]) => new Set(rows.map((r) => r.patientId));
  const overdueTasks = db
    .select({ patientId: tasks.patientId, n: sql<number>`count(*)` })
    .from(tasks)
    .innerJoin(patients, eq(tasks.patientId, patients.id))
    .where(and(active, inArray(tasks.status, ['open', 'in_progress']), lt(tasks.dueAt, now)))
    .groupBy(tasks.patientId)
    .all();
  const declined = idsWith(
    db
      .select({ patientId: referrals.patientId })
      .from(referrals)
      .innerJoin(patients, eq(referrals.patientId, patients.id))
      .where(and(active, eq(referrals.status, 'declined'), gte(referrals.closedAt, now - 30 * DAY)))
      .all(),
  );
  const overdueReferral = idsWith(
    db
      .select({ patientId: referrals.patientId })
      .from(referrals)
      .innerJoin(patients, eq(referrals.patientId, patients.id))
      .where(and(active, inArray(referrals.status, OPEN_REFERRAL_STATUSES), isNull(referrals.respondedAt), lt(referrals.targetAt, now)))
      .all(),
  );
  const recentlyHome = idsWith(
    db
      .select({ patientId: discharges.patientId })
      .from(discharges)
      .innerJoin(patients, eq(discharges.patientId, patients.id))
      .where(and(active, gte(discharges.homeAt, now - 7 * DAY), lte(discharges.homeAt, now)))
      .all(),
  );
  const overdueCount = new Map(overdueTasks.map((t) => [t.patientId, t.n]));
  const rows = people
    .map((p) => {
      const reasons: { reason: MdtReason; words: string }[] = [];
      const add = (reason: MdtReason, words: string = MDT_REASONS[reason]) => reasons.push({ reason, words });
      if (p.riskLevel === 'high') add('highRisk');
      if (overdueCount.has(p.id)) add('overdueTasks', `${overdueCount.get(p.id)} overdue task${overdueCount.get(p.id) === 1 ? '' : 's'}`);
      if (declined.has(p.id)) add('declinedReferral');
      if (overdueReferral.has(p.id)) add('overdueReferral');
      if (recentlyHome.has(p.id)) add('recentlyHome');
      if (p.lastContactAt === null || p.lastContactAt < now - 30 * DAY)
        add('noContact', p.lastContactAt === null ? 'No contact recorded' : MDT_REASONS.noContact);
      return { id: p.id, name: `${p.givenName} ${p.familyName}`, lastContactAt: p.lastContactAt, reasons };
    })
    .filter((r) => r.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.name.localeCompare(b.name));
  const visible = filterAccessible(db, actor, rows, 'patient.read');
  actor.access?.audit?.people(visible.map((r) => r.id));
  return visible;
}
