import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTeamMembers, carerLinks, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { loadConsentsInForce } from '../access/load-patient-facts';
import { carerMayView } from '../access/sharing-rules';
import { auditListRead } from '../audit/write-audit';
import { namedContactColumns, namedContactOrg, toNamedContact } from '../patients/named-contact';

/**
 * What a carer sees for each person they are linked to and who agreed to share with them: the
 * named contact and how to reach them, and who is in the care team. Nothing clinical.
 */
export function listCarerSummaries(db: Db, actor: Actor) {
  const links = db
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
    .orderBy(asc(patients.familyName))
    .all();
  const consents = loadConsentsInForce(db, links.map((l) => l.patientId));
  const shared = links.filter((l) => carerMayView(consents.get(l.patientId) ?? {}));
  const team = shared.length
    ? db
        .select({
          patientId: careTeamMembers.patientId,
          name: careTeamMembers.name,
          role: careTeamMembers.role,
          organisationName: careTeamMembers.organisationName,
          phone: careTeamMembers.phone,
        })
        .from(careTeamMembers)
        .where(and(inArray(careTeamMembers.patientId, shared.map((s) => s.patientId)), isNull(careTeamMembers.removedAt)))
        .orderBy(asc(careTeamMembers.addedAt))
        .all()
    : [];
  auditListRead(db, actor, 'carer.summary', shared.map((s) => s.patientId), 'carer_consent');
  return {
    people: shared.map((l) => ({
      patientId: l.patientId,
      name: `${l.givenName} ${l.familyName}`,
      relationship: l.relationship,
      namedContact: toNamedContact(l),
      careTeam: team.filter((t) => t.patientId === l.patientId).map(({ patientId: _p, ...rest }) => rest),
    })),
    // Linked people who have not (or no longer) agreed to share: named, with no details.
    notSharing: links.length - shared.length,
  };
}
