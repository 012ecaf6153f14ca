import { z } from 'zod';
import type { Db } from '../../db/client';
import { CONTACT_METHODS } from '../../db/schema';
import type { Actor } from '../access/actor';
import { appendEvent } from './append-event';
import { ALL_AT_ONCE, checkbox, moment, parsed, requiredText } from '../validation';

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  phone_call: 'Phone call',
  home_visit: 'Home visit',
  message: 'Message',
  clinic_visit: 'Clinic or office visit',
};

/** How far back a note or contact may be dated: a year (and a day, for leap years). */
const OLDEST_ENTRY_DAYS = 366;
/** How far ahead an appointment may be: two years (a date in 2099 is a slip of the keyboard). */
const FURTHEST_APPOINTMENT_DAYS = 2 * 366;

export const AddEntrySchema = z
  .object({
    patientId: z.uuid(),
    type: z.enum(['note', 'contact', 'appointment'], { error: 'Choose whether this is a note, a contact or an appointment' }),
    contactMethod: z.enum(CONTACT_METHODS, { error: 'Choose how the contact happened' }).optional(),
    text: requiredText('Note', 5000, 'Enter what happened'),
    occurredAt: moment('Date and time'),
    carerVisible: checkbox.default(false),
  })
  .superRefine((v, ctx) => {
    if (!parsed(ctx, 'type')) return;
    if (v.type === 'contact' && !v.contactMethod && parsed(ctx, 'contactMethod')) {
      ctx.addIssue({ code: 'custom', path: ['contactMethod'], message: 'Choose how the contact happened' });
    }
    if (!parsed(ctx, 'occurredAt')) return;
    // Notes and contacts record what happened; an appointment is one still to come.
    if (v.type === 'appointment' && v.occurredAt <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'When it is: an appointment must be in the future' });
    }
    if (v.type === 'appointment' && v.occurredAt > Date.now() + FURTHEST_APPOINTMENT_DAYS * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'When it is: an appointment must be within the next two years' });
    }
    if (v.type !== 'appointment' && v.occurredAt > Date.now() + 60_000) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'When it happened cannot be in the future' });
    }
    // A timeline is read newest first: an entry back-dated by years would hide among old ones unseen.
    if (v.type !== 'appointment' && v.occurredAt < Date.now() - OLDEST_ENTRY_DAYS * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['occurredAt'],
        message:
          'When it happened cannot be more than a year ago: for older history, write today’s date and say in the note when it happened',
      });
    }
  }, ALL_AT_ONCE);
export type AddEntryInput = z.infer<typeof AddEntrySchema>;

const SUMMARY = { note: 'Note', appointment: 'Appointment' } as const;

/**
 * Adds a note, a contact (phone call, visit, message) or an upcoming appointment or visit to the
 * timeline; the sector is the author's. Carers see it only when the author marks it carer-visible.
 */
export async function addEntry(db: Db, actor: Actor, input: AddEntryInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const id = await appendEvent(tx, actor, {
      patientId: input.patientId,
      kind: input.type,
      contactMethod: input.type === 'contact' ? (input.contactMethod ?? null) : null,
      summary: input.type === 'contact' ? CONTACT_METHOD_LABELS[input.contactMethod ?? 'phone_call'] : SUMMARY[input.type],
      body: input.text,
      occurredAt: input.occurredAt,
      carerVisible: input.carerVisible,
    });
    return { id };
  });
}
