import { and, asc, desc, eq, gte, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTeamMembers, carerLinks, discharges, patients, referrals, services, timelineEvents, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { OPEN_REFERRAL_STATUSES, loadPatientFacts } from '../access/load-patient-facts';
import { decidePatientAccess } from '../access/policy';
import { CATEGORY_LABELS } from '../directory/service-fields';
import { namedContactColumns, namedContactOrg, toNamedContact } from '../patients/named-contact';
import { REFERRAL_STATUS_WORDS } from '../referrals/referral-fields';
import { formatDay, formatMoment } from '../calendar/england-time';

/** How many carer-visible updates the carer sees per person, newest first. */
export const CARER_UPDATES_SHOWN = 20;

const OPEN_DISCHARGE_STATUSES = ['flagged', 'planned', 'home'] as const;

/** A discharge in plain words for a family carer: where, when, what support; nothing clinical. */
function dischargeWords(d: {
  hospital: string;
  expectedDate: string;
  status: (typeof OPEN_DISCHARGE_STATUSES)[number];
  careVisitsPerDay: number;
  careProvider: string;
  homeAt: number | null;
  followUpHours: number;
}): string {
  const visits = d.careVisitsPerDay
    ? ` Carers${d.careProvider ? ` from ${d.careProvider}` : ''} will visit ${d.careVisitsPerDay === 1 ? 'once' : `${d.careVisitsPerDay} times`} a day.`
    : '';
  if (d.status === 'home' && d.homeAt) {
    return `Home from ${d.hospital} since ${formatDay(d.homeAt)}. Someone from the care team will be in touch by ${formatMoment(d.homeAt + d.followUpHours * 3_600_000)}.${visits}`;
  }
  return `Coming home from ${d.hospital}: expected on ${formatDay(d.expectedDate)}. The care team is ${d.status === 'planned' ? 'planning' : 'getting ready for'} it.${visits}`;
}

/**
 * What a carer sees for each person they are linked to while that person's consent to share with
 * them is in force (the one access policy decides, per person): the named contact and how to reach
 * them, the care team, upcoming appointments, open referrals and discharges in plain words, and the
 * updates staff marked for carers. No notes, conditions or anything else.
 */
export async function listCarerSummaries(db: Db, actor: Actor, now = Date.now()) {
  const links = await db
    .select({
      patientId: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      relationship: carerLinks.relationship,
      ...namedContactColumns,
    })
    .from(carerLinks)
    .innerJoin(patients, eq(carerLinks.patientId, patients.id))
    .leftJoin(users, eq(patients.namedContactUserId, users.id))
    .leftJoin(namedContactOrg, eq(users.organisationId, namedContactOrg.id))
    .where(eq(carerLinks.carerUserId, actor.userId))
    .orderBy(asc(patients.familyName), asc(patients.givenName))
    .all();
  const facts = await loadPatientFacts(
    db,
    actor,
    links.map((l) => l.patientId),
    now,
  );
  const shared = links.flatMap((l) => {
    const f = facts.get(l.patientId);
    const decision = f && decidePatientAccess(actor, f, 'carer.summary');
    return decision?.allowed ? [{ ...l, explanation: decision.explanation }] : [];
  });
  const ids = shared.map((s) => s.patientId);
  const team = ids.length
    ? await db
        .select({
          patientId: careTeamMembers.patientId,
          name: careTeamMembers.name,
          role: careTeamMembers.role,
          organisationName: careTeamMembers.organisationName,
          phone: careTeamMembers.phone,
        })
        .from(careTeamMembers)
        .where(and(inArray(careTeamMembers.patientId, ids), isNull(careTeamMembers.removedAt)))
        .orderBy(asc(careTeamMembers.addedAt))
        .all()
    : [];
  const openReferrals = ids.length
    ? await db
        .select({ patientId: referrals.patientId, category: services.category, serviceName: services.name, status: referrals.status })
        .from(referrals)
        .innerJoin(services, eq(referrals.serviceId, services.id))
        .where(and(inArray(referrals.patientId, ids), inArray(referrals.status, OPEN_REFERRAL_STATUSES)))
        .orderBy(desc(referrals.sentAt))
        .all()
    : [];
  const openDischarges = ids.length
    ? await db
        .select({
          patientId: discharges.patientId,
          hospital: discharges.hospital,
          expectedDate: discharges.expectedDate,
          status: discharges.status,
          careVisitsPerDay: discharges.careVisitsPerDay,
          careProvider: discharges.careProvider,
          homeAt: discharges.homeAt,
          followUpHours: discharges.followUpHours,
        })
        .from(discharges)
        .where(and(inArray(discharges.patientId, ids), inArray(discharges.status, OPEN_DISCHARGE_STATUSES)))
        .orderBy(asc(discharges.expectedDate))
        .all()
    : [];
  const people = await Promise.all(
    shared.map(async (l) => {
      const visible = and(eq(timelineEvents.patientId, l.patientId), eq(timelineEvents.carerVisible, true));
      const eventColumns = {
        id: timelineEvents.id,
        summary: timelineEvents.summary,
        body: timelineEvents.body,
        occurredAt: timelineEvents.occurredAt,
        byName: users.name,
      };
      return {
        patientId: l.patientId,
        name: `${l.givenName} ${l.familyName}`,
        relationship: l.relationship,
        explanation: l.explanation,
        namedContact: toNamedContact(l),
        careTeam: team.filter((t) => t.patientId === l.patientId).map(({ patientId: _p, ...rest }) => rest),
        appointments: await db
          .select(eventColumns)
          .from(timelineEvents)
          .innerJoin(users, eq(timelineEvents.actorUserId, users.id))
          .where(and(visible, eq(timelineEvents.kind, 'appointment'), gte(timelineEvents.occurredAt, now)))
          .orderBy(asc(timelineEvents.occurredAt))
          .all(),
        referrals: openReferrals
          .filter((r) => r.patientId === l.patientId)
          .map((r) => `Referral to ${CATEGORY_LABELS[r.category].toLowerCase()} (${r.serviceName}): ${REFERRAL_STATUS_WORDS[r.status]}`),
        discharges: openDischarges
          .filter((d) => d.patientId === l.patientId)
          .map((d) => dischargeWords(d as Parameters<typeof dischargeWords>[0])),
        updates: await db
          .select(eventColumns)
          .from(timelineEvents)
          .innerJoin(users, eq(timelineEvents.actorUserId, users.id))
          .where(and(visible, ne(timelineEvents.kind, 'appointment')))
          .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
          .limit(CARER_UPDATES_SHOWN)
          .all(),
      };
    }),
  );
  actor.access?.audit?.people(ids);
  return {
    people,
    // Linked people who have not (or no longer) agreed to share: counted, with no details.
    notSharing: links.length - shared.length,
  };
}

/** Who a carer's page is about: the name only. */
export async function carerPerson(db: Db, patientId: string) {
  const p = (await db
    .select({ givenName: patients.givenName, familyName: patients.familyName })
    .from(patients)
    .where(eq(patients.id, patientId))
    .get())!;
  return { patientId, name: `${p.givenName} ${p.familyName}` };
}
