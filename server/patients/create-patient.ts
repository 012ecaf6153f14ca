import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { decideForPatient } from '../access/decide-for-patient';
import { Conflict, Invalid } from '../errors';
import { newId } from '../ids';
import { appendEvent } from '../timeline/append-event';
import { IdSchema, isoDate, personName } from '../validation';
import { NhsNumberSchema } from './nhs-number-schema';
import { todayInEngland } from '../calendar/england-time';
import { PatientDetailFields, searchNameOf } from './patient-fields';

export const CreatePatientSchema = z.object({
  nhsNumber: NhsNumberSchema,
  givenName: personName('Given name', 100),
  familyName: personName('Family name', 100),
  dateOfBirth: isoDate('Date of birth').refine((v) => v <= todayInEngland(), 'Date of birth must be in the past'),
  registeredPracticeId: IdSchema('Registered GP practice'),
  address: PatientDetailFields.address.default(''),
  postcode: PatientDetailFields.postcode.default(''),
  phone: PatientDetailFields.phone.default(''),
  riskLevel: PatientDetailFields.riskLevel.default('medium'),
  conditions: PatientDetailFields.conditions.default([]),
  communicationNeeds: PatientDetailFields.communicationNeeds.default(''),
  homeAccessNotes: PatientDetailFields.homeAccessNotes.default(''),
});
export type CreatePatientInput = z.infer<typeof CreatePatientSchema>;

const DUPLICATE = 'A record with this NHS number already exists.';

/**
 * Creates one record per person. A navigator's new person joins their own team's caseload with
 * them as named contact; anyone else's joins the caseload of the practice's navigator team.
 */
export async function createPatient(db: Db, actor: Actor, input: CreatePatientInput): Promise<{ id: string }> {
  const existing = await db.select({ id: patients.id }).from(patients).where(eq(patients.nhsNumber, input.nhsNumber)).get();
  if (existing) {
    const decision = await decideForPatient(db, actor, existing.id, 'patient.read');
    // The existing record's id only to someone the policy lets open it; anyone else learns only that it exists (audited against the person).
    if (decision?.allowed) {
      throw new Conflict(DUPLICATE, { field: 'nhsNumber', existingPatientId: existing.id });
    }
    actor.access?.audit?.refused(existing.id, decision?.rule ?? 'not_found');
    throw new Conflict(`${DUPLICATE} You are not involved in their care, so it is not shown: ask their care navigator team.`, {
      field: 'nhsNumber',
    });
  }
  return await db.transaction(async (tx) => {
    // Someone else may have created the person since the check above: refused the same way, without the id.
    if (await tx.select({ id: patients.id }).from(patients).where(eq(patients.nhsNumber, input.nhsNumber)).get()) {
      throw new Conflict(DUPLICATE, { field: 'nhsNumber' });
    }
    const placement = await placeNewPatient(tx, actor, input.registeredPracticeId);
    return { id: await insertNewPatient(tx, actor, input, placement) };
  });
}

export type Placement = { caseloadOrganisationId: string; namedContactUserId: string | null };

/** Whose caseload a new person joins, from the practice they are registered at (and who adds them). */
export async function placeNewPatient(db: Pick<Db, 'select'>, actor: Actor, registeredPracticeId: string): Promise<Placement> {
  const practice = await db.select().from(organisations).where(eq(organisations.id, registeredPracticeId)).get();
  if (practice?.kind !== 'gp_practice') {
    throw new Invalid('registeredPracticeId', 'Registered GP practice: choose a GP practice from the list');
  }
  const isNavigator = actor.role === 'navigator' && actor.organisationId !== null;
  const caseloadOrganisationId = isNavigator ? actor.organisationId : practice.navigatorTeamId;
  if (!caseloadOrganisationId) {
    throw new Invalid(
      'registeredPracticeId',
      'Registered GP practice: this practice is not linked to a navigator team yet; ask your administrator',
    );
  }
  return { caseloadOrganisationId, namedContactUserId: isNavigator ? actor.userId : null };
}

type NewPatient = Pick<CreatePatientInput, 'nhsNumber' | 'givenName' | 'familyName' | 'dateOfBirth' | 'registeredPracticeId'> &
  Partial<Omit<CreatePatientInput, 'nhsNumber' | 'givenName' | 'familyName' | 'dateOfBirth' | 'registeredPracticeId'>>;

/** Inserts the person and their "record created" event, inside the caller's transaction. */
export async function insertNewPatient(
  tx: Pick<Db, 'insert' | 'update'>,
  actor: Actor,
  input: NewPatient,
  placement: Placement,
  now = Date.now(),
): Promise<string> {
  const id = newId();
  await tx
    .insert(patients)
    .values({
      id,
      ...input,
      searchName: searchNameOf(input.givenName, input.familyName),
      ...placement,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  await appendEvent(
    tx,
    actor,
    { patientId: id, kind: 'patient_created', summary: `Record created for ${input.givenName} ${input.familyName}` },
    now,
  );
  return id;
}
