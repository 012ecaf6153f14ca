import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, NotFound } from '../errors';
import { appendEvent } from '../timeline/append-event';
import { PatientDetailFields } from './patient-fields';

export const VersionSchema = z.coerce
  .number({ error: 'Version must be a number' })
  .int('Version must be a whole number')
  .positive('Version must be positive');

export const UpdatePatientSchema = z.object({
  patientId: z.uuid(),
  expectedVersion: VersionSchema,
  changes: z
    .object({
      riskLevel: PatientDetailFields.riskLevel,
      conditions: PatientDetailFields.conditions,
      communicationNeeds: PatientDetailFields.communicationNeeds,
      homeAccessNotes: PatientDetailFields.homeAccessNotes,
      aboutWhatMatters: PatientDetailFields.aboutWhatMatters,
      aboutStrengths: PatientDetailFields.aboutStrengths,
      aboutEveryoneShouldKnow: PatientDetailFields.aboutEveryoneShouldKnow,
      nextAction: PatientDetailFields.nextAction,
      address: PatientDetailFields.address,
      postcode: PatientDetailFields.postcode,
      phone: PatientDetailFields.phone,
    })
    .partial()
    .strict(),
});
export type UpdatePatientInput = z.infer<typeof UpdatePatientSchema>;

const ABOUT_ME = ['aboutWhatMatters', 'aboutStrengths', 'aboutEveryoneShouldKnow'] as const;
const FIELD_LABELS: Record<keyof UpdatePatientInput['changes'], string> = {
  riskLevel: 'risk level',
  conditions: 'long-term conditions',
  communicationNeeds: 'communication needs',
  homeAccessNotes: 'home access',
  aboutWhatMatters: 'what matters to me',
  aboutStrengths: 'my strengths',
  aboutEveryoneShouldKnow: 'what everyone should know',
  nextAction: 'next action',
  address: 'address',
  postcode: 'postcode',
  phone: 'phone number',
};

export const STALE_VERSION_MESSAGE =
  'Someone else changed this record since you opened it. Your changes were not saved: reload to see their changes, then make yours again.';

/**
 * Throws Conflict unless the record is still at `expectedVersion`, and moves it to the next version.
 * The version check is in the UPDATE itself, so two writers can never both pass it.
 */
export async function bumpVersion(
  tx: Pick<Db, 'update'>,
  patientId: string,
  expectedVersion: number,
  set: Partial<typeof patients.$inferInsert>,
  now: number,
) {
  const result = await tx
    .update(patients)
    .set({ ...set, version: expectedVersion + 1, updatedAt: now })
    .where(and(eq(patients.id, patientId), eq(patients.version, expectedVersion)))
    .run();
  if (result.changes !== 1) throw new Conflict(STALE_VERSION_MESSAGE);
}

/** Edits the record, refusing with CONFLICT if someone changed it since `expectedVersion`. */
export async function updatePatient(db: Db, actor: Actor, input: UpdatePatientInput): Promise<{ version: number }> {
  return await db.transaction(async (tx) => {
    const current = await tx.select().from(patients).where(eq(patients.id, input.patientId)).get();
    if (!current) throw new NotFound('This person’s record does not exist.');
    const changed = (Object.keys(input.changes) as (keyof UpdatePatientInput['changes'])[]).filter(
      (key) => JSON.stringify(input.changes[key]) !== JSON.stringify(current[key]),
    );
    if (current.version !== input.expectedVersion) throw new Conflict(STALE_VERSION_MESSAGE);
    if (changed.length === 0) return { version: current.version };
    const now = Date.now();
    await bumpVersion(tx, input.patientId, input.expectedVersion, input.changes, now);
    const aboutMe = changed.filter((k) => (ABOUT_ME as readonly string[]).includes(k));
    const other = changed.filter((k) => !(ABOUT_ME as readonly string[]).includes(k));
    if (aboutMe.length > 0) {
      await appendEvent(
        tx,
        actor,
        {
          patientId: input.patientId,
          kind: 'about_me_edited',
          summary: `About me updated: ${aboutMe.map((k) => FIELD_LABELS[k]).join(', ')}`,
        },
        now,
      );
    }
    if (other.length > 0) {
      const riskNote =
        input.changes.riskLevel && input.changes.riskLevel !== current.riskLevel
          ? ` (risk ${current.riskLevel} → ${input.changes.riskLevel})`
          : '';
      await appendEvent(
        tx,
        actor,
        {
          patientId: input.patientId,
          kind: 'record_updated',
          summary: `Record updated: ${other.map((k) => FIELD_LABELS[k]).join(', ')}${riskNote}`,
        },
        now,
      );
    }
    return { version: input.expectedVersion + 1 };
  });
}
