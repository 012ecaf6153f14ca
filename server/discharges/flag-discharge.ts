import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checklistItems, discharges, patients, RISK_LEVELS } from '../../db/schema';
import type { Actor } from '../access/actor';
import { loadPatientFacts } from '../access/load-patient-facts';
import { decidePatientAccess, type PatientFacts } from '../access/policy';
import { Forbidden, Invalid } from '../errors';
import { newId } from '../ids';
import { notify, teamNavigators } from '../notifications/notify';
import { NhsNumberSchema } from '../patients/nhs-number-schema';
import { auditFailedIdentityLookUp, NO_IDENTITY_MATCH } from '../patients/identity-look-up';
import { insertNewPatient, placeNewPatient, type Placement } from '../patients/create-patient';
import { insertTask } from '../tasks/insert-task';
import { addDaysIso, endOfWorkingDay, formatDate, todayInEngland } from '../calendar/england-time';
import { appendEvent } from '../timeline/append-event';
import { ALL_AT_ONCE, IdSchema, freeText, isoDate, parsed, requiredText, personName } from '../validation';
import { checklistForPathway } from './checklist-template';
import { hospitalOf } from './flag-options';

const toNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v === '' ? undefined : v);

/** Who is being discharged, as the flagger knows them: exactly by NHS number and date of birth. */
const IdentityFields = {
  nhsNumber: NhsNumberSchema,
  dateOfBirth: isoDate('Date of birth'),
};

/** Needed only when nobody matches: the minimum to create the person's record from the flag. */
const blankIfMissing = (v: unknown) => v ?? '';
const NewPersonSchema = z.object({
  givenName: z.preprocess(blankIfMissing, personName('Given name', 100)),
  familyName: z.preprocess(blankIfMissing, personName('Family name', 100)),
  registeredPracticeId: z.preprocess(
    blankIfMissing,
    z.string({ error: 'Choose the person’s GP practice' }).trim().min(1, 'Choose the person’s GP practice').pipe(IdSchema('GP practice')),
  ),
});

export const FlagDischargeSchema = z
  .object({
    ...IdentityFields,
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    registeredPracticeId: z.string().optional(),
    /**
     * "yes" from the form when its search found nobody: the name and GP practice are then checked
     * with everything else, before any look-up (so the answer is the same whoever the NHS number is).
     */
    newRecord: z.enum(['yes'], { error: 'New record must be "yes" when given' }).optional(),
    flaggerContact: requiredText('How to reach you', 200, 'Enter how the team can reach you (phone, extension or bleep)'),
    /** The hospital, chosen from the directory (the form offers its hospitals). */
    hospitalId: z.preprocess((v) => (v === '' ? undefined : v), IdSchema('Hospital').optional()),
    /** A hospital outside the directory, by name: API callers only (the form always chooses). */
    hospital: freeText('Hospital', 200).optional(),
    ward: freeText('Ward', 100).default(''),
    expectedDate: isoDate('Expected date of discharge'),
    pathway: z.preprocess(
      toNumber,
      z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'Choose the discharge pathway' }),
    ),
    riskLevel: z.enum(RISK_LEVELS, { error: 'Choose the risk level' }),
    concern: requiredText('Concern', 2000, 'Enter what worries you about this discharge'),
    ask: requiredText('The ask', 1000, 'Enter what you are asking the team to do'),
    careVisitsPerDay: z.preprocess(
      (v) => toNumber(v) ?? 0,
      z
        .number({ error: 'Visits per day must be a number' })
        .int('Visits per day must be a whole number')
        .min(0, 'Visits per day cannot be negative')
        .max(8, 'Visits per day must be 8 or fewer'),
    ),
    careProvider: freeText('Care provider', 200).default(''),
    carerConsulted: z.preprocess(
      (v) => (v === true ? 'yes' : v === false ? 'no' : v),
      z.enum(['yes', 'no'], { error: 'Say whether the carer was consulted' }).transform((v) => v === 'yes'),
    ),
  })
  .superRefine((v, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const today = todayInEngland();
    if (parsed(ctx, 'expectedDate')) {
      if (v.expectedDate < addDaysIso(today, -14)) problem('expectedDate', 'Expected date of discharge cannot be more than 14 days ago');
      if (v.expectedDate > addDaysIso(today, 365)) problem('expectedDate', 'Expected date of discharge must be within the next year');
    }
    if (!parsed(ctx, 'pathway', 'careVisitsPerDay', 'careProvider')) return;
    if (v.pathway === 0 && v.careVisitsPerDay > 0)
      problem('careVisitsPerDay', 'Pathway 0 means no new support at home: set visits per day to 0, or choose pathway 1');
    if (v.pathway === 1 && v.careVisitsPerDay === 0)
      problem('careVisitsPerDay', 'Pathway 1 means new support at home: enter the care visits per day');
    if (v.pathway === 3 && v.careVisitsPerDay > 0)
      problem('careVisitsPerDay', 'Pathway 3 is a care home placement: there are no home care visits');
    if (v.careVisitsPerDay === 0 && v.careProvider) problem('careProvider', 'Only give a care provider when there are care visits');
  }, ALL_AT_ONCE)
  // Checked with every other field (even when some are wrong), so all the problems come back at once.
  .superRefine((v, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.hospitalId && !v.hospital) problem('hospitalId', 'Choose the hospital the person is leaving');
    if (v.newRecord) {
      const person = NewPersonSchema.safeParse(v);
      for (const issue of person.success ? [] : person.error.issues) problem(String(issue.path[0]), issue.message);
    }
  }, ALL_AT_ONCE);
export type FlagDischargeInput = z.infer<typeof FlagDischargeSchema>;

/**
 * Flags a risky discharge for the person with this exact NHS number and date of birth, creating
 * their record if nobody matches, and makes the checklist of tasks in the caseload team's queue.
 */
export async function flagDischarge(
  db: Db,
  actor: Actor,
  input: FlagDischargeInput,
): Promise<{ id: string; patientId: string; createdRecord: boolean }> {
  const action = actor.access?.action ?? 'discharges.flag';
  const byNumber = await db.select().from(patients).where(eq(patients.nhsNumber, input.nhsNumber)).get();
  // A wrong date of birth is answered as no match at all (never "does not match"): no date-of-birth oracle.
  const existing = byNumber?.dateOfBirth === input.dateOfBirth ? byNumber : undefined;
  const creating = !!(input.newRecord || input.givenName || input.familyName || input.registeredPracticeId);
  if (!existing && (byNumber || !creating)) {
    auditFailedIdentityLookUp(actor, byNumber?.id ?? null);
    throw new Invalid(
      'nhsNumber',
      creating
        ? // The NHS number is taken (by someone with another date of birth): say no more than that it cannot be used.
          // One message, naming both: either may be the one that is wrong.
          'No record matches this NHS number and date of birth, and a new record cannot be made with this NHS number: check both with the person or their notes'
        : `${NO_IDENTITY_MATCH}. If they are right, add the person’s name and GP practice to create their record.`,
    );
  }
  const hospital = await hospitalOf(db, input);
  let newPerson: z.infer<typeof NewPersonSchema> | null = null;
  let placement: Placement;
  let facts: PatientFacts;
  if (existing) {
    facts = (await loadPatientFacts(db, actor, [existing.id])).get(existing.id)!;
    placement = { caseloadOrganisationId: existing.caseloadOrganisationId, namedContactUserId: existing.namedContactUserId };
  } else {
    newPerson = NewPersonSchema.parse(input);
    placement = await placeNewPatient(db, actor, newPerson.registeredPracticeId);
    facts = {
      patientId: '',
      registeredPracticeId: newPerson.registeredPracticeId,
      ...placement,
      actorOnCareTeam: false,
      consents: {},
    };
  }
  // The flagger has just given the person's exact identity; the policy decides what that allows
  // (hospital staff: flag only; GP staff: still only their own registered patients).
  facts.identityConfirmed = true;
  const decision = decidePatientAccess(actor, facts, 'discharge.flag');
  if (!decision.allowed) {
    actor.access?.audit?.refused(existing?.id ?? null, decision.rule);
    throw new Forbidden(decision.explanation);
  }
  const acting: Actor = { ...actor, access: { ...actor.access, rule: decision.rule, action } };
  actor.access?.audit?.rule(decision.rule);

  return await db.transaction(async (tx) => {
    const now = Date.now();
    const patientId = existing
      ? existing.id
      : await insertNewPatient(
          tx,
          acting,
          { nhsNumber: input.nhsNumber, dateOfBirth: input.dateOfBirth, ...newPerson!, riskLevel: input.riskLevel },
          placement,
          now,
        );
    const allItems = await tx.select().from(checklistItems).orderBy(asc(checklistItems.position)).all();
    const followUpHours = allItems.find((i) => i.kind === 'follow_up')?.followUpHours ?? 24;
    // Only what this pathway needs: no care package or equipment for someone going home without new support.
    const template = checklistForPathway(allItems, input.pathway);
    const id = newId();
    await tx
      .insert(discharges)
      .values({
        id,
        patientId,
        flaggedByUserId: actor.userId,
        flaggedByOrganisationId: actor.organisationId,
        flaggerContact: input.flaggerContact,
        hospital: hospital.name,
        hospitalOrganisationId: hospital.id,
        ward: input.ward,
        expectedDate: input.expectedDate,
        pathway: input.pathway,
        riskLevel: input.riskLevel,
        concern: input.concern,
        ask: input.ask,
        careVisitsPerDay: input.careVisitsPerDay,
        careProvider: input.careProvider,
        carerConsulted: input.carerConsulted,
        followUpHours,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    await appendEvent(
      tx,
      acting,
      {
        patientId,
        kind: 'discharge_flagged',
        summary: `Risky discharge flagged: ${hospital.name}${input.ward ? `, ${input.ward}` : ''}, expected ${formatDate(input.expectedDate)}`,
        body: `Concern: ${input.concern}\nAsk: ${input.ask}`,
        subjectType: 'discharge',
        subjectId: id,
      },
      now,
    );
    for (const item of template) {
      await insertTask(
        tx,
        acting,
        {
          patientId,
          title: item.kind === 'follow_up' ? `Follow-up contact within ${followUpHours} hours of getting home` : item.title,
          assigneeOrganisationId: placement.caseloadOrganisationId,
          // Everything before the person leaves hospital is due on the day; the follow-up only once they are home.
          dueAt: item.kind === 'follow_up' ? null : endOfWorkingDay(input.expectedDate),
          priority: input.riskLevel === 'high' ? 'high' : 'normal',
          origin: 'discharge',
          dischargeId: id,
          isFollowUp: item.kind === 'follow_up',
          position: item.position,
        },
        now,
      );
    }
    const name = existing ? `${existing.givenName} ${existing.familyName}` : `${newPerson!.givenName} ${newPerson!.familyName}`;
    const toTell = placement.namedContactUserId
      ? [placement.namedContactUserId]
      : await teamNavigators(tx, placement.caseloadOrganisationId);
    await notify(
      tx,
      toTell.filter((u) => u !== actor.userId),
      {
        kind: 'discharge_flagged',
        title: `Risky discharge flagged for ${name}, expected ${formatDate(input.expectedDate)}`,
        body: input.ask,
        link: `/discharges/${id}`,
        about: { patientId, permission: 'discharge.read' },
      },
      now,
    );
    return { id, patientId, createdRecord: !existing };
  });
}
