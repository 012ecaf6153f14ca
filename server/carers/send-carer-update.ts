import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { notify, teamNavigators } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';
import { requiredText } from '../validation';

export const SendCarerUpdateSchema = z.object({
  patientId: z.uuid(),
  message: requiredText('Message', 1000, 'Enter your message'),
});
export type SendCarerUpdateInput = z.infer<typeof SendCarerUpdateSchema>;

/**
 * A carer's short update: it lands on the person's timeline (sector: carer, visible to their
 * carers) and tells the named contact, or the caseload team's navigators when there is none.
 */
export async function sendCarerUpdate(db: Db, actor: Actor, input: SendCarerUpdateInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const person = (await tx
      .select({ namedContactUserId: patients.namedContactUserId, caseloadOrganisationId: patients.caseloadOrganisationId })
      .from(patients)
      .where(eq(patients.id, input.patientId))
      .get())!;
    const id = await appendEvent(tx, actor, {
      patientId: input.patientId,
      kind: 'carer_update',
      summary: `Update from ${actor.name} (carer)`,
      body: input.message,
      carerVisible: true,
    });
    await notify(tx, person.namedContactUserId ? [person.namedContactUserId] : await teamNavigators(tx, person.caseloadOrganisationId), {
      kind: 'carer_update',
      title: `${actor.name} sent an update as a carer`,
      body: input.message,
      link: `/patients/${input.patientId}#timeline`,
      about: { patientId: input.patientId, permission: 'patient.read' },
    });
    return { id };
  });
}
