import { z } from 'zod';
import type { Db } from '../../db/client';
import { eq } from 'drizzle-orm';
import { CONSENT_DECISIONS, CONSENT_METHODS, CONSENT_PURPOSES, carerKeyOf, consents, patients } from '../../db/schema';
import { Invalid } from '../errors';
import type { Actor } from '../access/actor';
import { PURPOSE_LABELS } from '../access/sharing-rules';
import { newDecisionId } from '../ids';
import { appendEvent } from '../timeline/append-event';
import { atEnglandTime, todayInEngland } from '../calendar/england-time';
import { ALL_AT_ONCE, freeText, isoDate, parsed } from '../validation';

export const CONSENT_METHOD_LABELS: Record<(typeof CONSENT_METHODS)[number], string> = {
  verbal: 'verbally',
  written: 'in writing',
  electronic: 'electronically',
  lasting_power_of_attorney: 'by their attorney (lasting power of attorney for health and welfare)',
};

export const RecordConsentSchema = z
  .object({
    patientId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES, { error: 'Choose what the decision is about' }),
    decision: z.enum(CONSENT_DECISIONS, { error: 'Choose the decision: granted, refused or withdrawn' }),
    method: z.enum(CONSENT_METHODS, { error: 'Choose how the decision was given' }),
    carerName: freeText('Carer’s name', 100).default(''),
    notes: freeText('Notes', 1000).default(''),
    decidedOn: isoDate('Date of the decision').refine((v) => v <= todayInEngland(), 'Date of the decision cannot be in the future'),
  })
  .superRefine((v, ctx) => {
    if (v.purpose === 'named_carer' && v.carerName === '' && parsed(ctx, 'purpose', 'carerName')) {
      ctx.addIssue({ code: 'custom', path: ['carerName'], message: 'Enter the carer’s name' });
    }
    // A lasting power of attorney lets the attorney decide for the person; it is how carers get access
    // without the person's own consent, so it makes sense only for the carer purpose.
    if (v.method === 'lasting_power_of_attorney' && v.purpose !== 'named_carer' && parsed(ctx, 'purpose', 'method')) {
      ctx.addIssue({ code: 'custom', path: ['method'], message: 'Lasting power of attorney applies only to sharing with a named carer' });
    }
  }, ALL_AT_ONCE);
export type RecordConsentInput = z.infer<typeof RecordConsentSchema>;

/** Appends a consent decision; the latest per purpose is in force. History is never edited. */
export async function recordConsent(db: Db, actor: Actor, input: RecordConsentInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const now = Date.now();
    // A decision cannot predate the person (a date typed as 1900 is a slip, not a record).
    const person = await tx.select({ dateOfBirth: patients.dateOfBirth }).from(patients).where(eq(patients.id, input.patientId)).get();
    if (person && input.decidedOn < person.dateOfBirth) {
      throw new Invalid('decidedOn', 'Date of the decision cannot be before the person was born: check the year');
    }
    // A decision dated today is stamped now, so it orders after earlier decisions made today.
    const decidedAt = input.decidedOn === todayInEngland(now) ? now : atEnglandTime(input.decidedOn, 12);
    const id = newDecisionId();
    await tx
      .insert(consents)
      .values({
        id,
        patientId: input.patientId,
        purpose: input.purpose,
        decision: input.decision,
        method: input.method,
        carerName: input.purpose === 'named_carer' ? input.carerName : '',
        carerKey: input.purpose === 'named_carer' ? carerKeyOf(input.carerName) : '',
        notes: input.notes,
        decidedAt,
        recordedByUserId: actor.userId,
        recordedAt: now,
      })
      .run();
    const about = input.purpose === 'named_carer' ? `${PURPOSE_LABELS.named_carer} (${input.carerName})` : PURPOSE_LABELS[input.purpose];
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'consent_recorded',
        summary: `Consent to share with ${about}: ${input.decision}, given ${CONSENT_METHOD_LABELS[input.method]}`,
        body: input.notes,
        occurredAt: decidedAt,
        subjectType: 'consent',
        subjectId: id,
      },
      now,
    );
    return { id };
  });
}
