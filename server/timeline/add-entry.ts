import { z } from 'zod';
import type { Db } from '../../db/client';
import { CONTACT_METHODS } from '../../db/schema';
import type { Actor } from '../access/actor';
import { appendEvent } from './append-event';
import { checkbox, moment, requiredText } from '../validation';

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  phone_call: 'Phone call',
  home_visit: 'Home visit',
  message: 'Message',
  clinic_visit: 'Clinic or office visit',
};

export const AddEntrySchema = z
  .object({
    patientId: z.uuid(),
    type: z.enum(['note', 'contact'], { error: 'Choose whether this is a note or a contact' }),
    contactMethod: z.enum(CONTACT_METHODS, { error: 'Choose how the contact happened' }).optional(),
    text: requiredText('Note', 5000, 'Enter what happened'),
    occurredAt: moment('When it happened').refine((ms) => ms <= Date.now() + 60_000, 'When it happened cannot be in the future'),
    carerVisible: checkbox.default(false),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'contact' && !v.contactMethod) {
      ctx.addIssue({ code: 'custom', path: ['contactMethod'], message: 'Choose how the contact happened' });
    }
  });
export type AddEntryInput = z.infer<typeof AddEntrySchema>;

/** Adds a note or a contact (phone call, visit, message) to the timeline; the sector is the author's. */
export function addEntry(db: Db, actor: Actor, input: AddEntryInput): { id: string } {
  return db.transaction((tx) => {
    const id = appendEvent(tx, actor, {
      patientId: input.patientId,
      kind: input.type,
      contactMethod: input.type === 'contact' ? (input.contactMethod ?? null) : null,
      summary: input.type === 'contact' && input.contactMethod ? CONTACT_METHOD_LABELS[input.contactMethod] : 'Note',
      body: input.text,
      occurredAt: input.occurredAt,
      carerVisible: input.carerVisible,
    });
    return { id };
  });
}
