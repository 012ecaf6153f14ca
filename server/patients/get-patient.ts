import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { careTeamMembers, organisations, patients, users } from '../../db/schema';
import { NotFound } from '../errors';
import { namedContactColumns, namedContactOrg, toNamedContact } from './named-contact';
import { pendingHandoffFor } from '../handoffs/list-handoffs';

/** The summary of a person's record: details, named contact with how to reach them (and any hand-over of it waiting), care team. */
export async function getPatient(db: Db, patientId: string) {
  const practice = alias(organisations, 'practice');
  const caseloadTeam = alias(organisations, 'caseload_team');
  const row = await db
    .select({
      patient: patients,
      practiceName: practice.name,
      practicePhone: practice.phone,
      caseloadTeamName: caseloadTeam.name,
      ...namedContactColumns,
    })
    .from(patients)
    .innerJoin(practice, eq(patients.registeredPracticeId, practice.id))
    .innerJoin(caseloadTeam, eq(patients.caseloadOrganisationId, caseloadTeam.id))
    .leftJoin(users, eq(patients.namedContactUserId, users.id))
    .leftJoin(namedContactOrg, eq(users.organisationId, namedContactOrg.id))
    .where(eq(patients.id, patientId))
    .get();
  if (!row) throw new NotFound('This person’s record does not exist.');
  const careTeam = await db
    .select()
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.patientId, patientId), isNull(careTeamMembers.removedAt)))
    .orderBy(asc(careTeamMembers.addedAt))
    .all();
  return {
    patient: row.patient,
    practiceName: row.practiceName,
    practicePhone: row.practicePhone,
    caseloadTeamName: row.caseloadTeamName,
    namedContact: toNamedContact(row),
    // Shown beside the named contact on every page that shows them: read here rather than by a call of its own.
    pendingHandoff: await pendingHandoffFor(db, patientId),
    careTeam,
  };
}
export type PatientSummary = Awaited<ReturnType<typeof getPatient>>;
