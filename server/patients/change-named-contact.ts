import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict, Invalid, NotFound } from '../errors';
import { appendEvent } from '../timeline/append-event';
import { IdSchema } from '../validation';
import { STALE_VERSION_MESSAGE, VersionSchema, bumpVersion } from './update-patient';

export const ChangeNamedContactSchema = z.object({
  patientId: z.uuid(),
  expectedVersion: VersionSchema,
  namedContactUserId: IdSchema('Named contact'),
});
export type ChangeNamedContactInput = z.infer<typeof ChangeNamedContactSchema>;

/** Makes an active navigator of the person's caseload team their single named contact. */
export async function changeNamedContact(db: Db, actor: Actor, input: ChangeNamedContactInput): Promise<{ version: number }> {
  return await db.transaction(async (tx) => {
    const current = await tx.select().from(patients).where(eq(patients.id, input.patientId)).get();
    if (!current) throw new NotFound('This person’s record does not exist.');
    if (current.version !== input.expectedVersion) throw new Conflict(STALE_VERSION_MESSAGE);
    const contact = await tx.select().from(users).where(eq(users.id, input.namedContactUserId)).get();
    if (contact?.role !== 'navigator' || !contact.active || contact.organisationId !== current.caseloadOrganisationId) {
      throw new Invalid('namedContactUserId', 'Named contact: choose an active navigator from the person’s caseload team');
    }
    if (current.namedContactUserId === contact.id) return { version: current.version };
    const now = Date.now();
    await bumpVersion(tx, input.patientId, input.expectedVersion, { namedContactUserId: contact.id }, now);
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'named_contact_changed',
        summary: `Named contact is now ${contact.name}`,
        subjectType: 'user',
        subjectId: contact.id,
        carerVisible: true,
      },
      now,
    );
    return { version: input.expectedVersion + 1 };
  });
}
