import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTeamMembers, organisations, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid } from '../errors';
import { newId } from '../ids';
import { appendEvent } from '../timeline/append-event';
import { IdSchema, freeText, requiredText, personName } from '../validation';
import { PatientDetailFields } from './patient-fields';

export const AddCareTeamMemberSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      patientId: z.uuid(),
      type: z.literal('user'),
      userId: IdSchema('Colleague'),
      role: freeText('Role in the care team', 100).default(''),
    }),
    z.object({
      patientId: z.uuid(),
      type: z.literal('external'),
      name: personName('Name', 100),
      role: requiredText('Role', 100),
      organisationName: requiredText('Organisation', 150),
      phone: PatientDetailFields.phone.default(''),
    }),
  ],
  { error: 'Choose whether this is a colleague on carenav or an external contact' },
);
export type AddCareTeamMemberInput = z.infer<typeof AddCareTeamMemberSchema>;

/** Adds a colleague (who then has a care-team relationship) or an external contact to the care team. */
export async function addCareTeamMember(db: Db, actor: Actor, input: AddCareTeamMemberInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const id = newId();
    const now = Date.now();
    let values: typeof careTeamMembers.$inferInsert;
    if (input.type === 'user') {
      const user = await tx
        .select({ user: users, organisation: organisations })
        .from(users)
        .leftJoin(organisations, eq(users.organisationId, organisations.id))
        .where(eq(users.id, input.userId))
        .get();
      if (!user?.user.active || !user.organisation || user.user.role === 'admin' || user.user.role === 'carer') {
        throw new Invalid('userId', 'Colleague: choose an active member of staff');
      }
      const already = await tx
        .select({ id: careTeamMembers.id })
        .from(careTeamMembers)
        .where(
          and(eq(careTeamMembers.patientId, input.patientId), eq(careTeamMembers.userId, input.userId), isNull(careTeamMembers.removedAt)),
        )
        .get();
      if (already) throw new Invalid('userId', `Colleague: ${user.user.name} is already on the care team`);
      values = {
        id,
        patientId: input.patientId,
        userId: user.user.id,
        name: user.user.name,
        role: input.role || user.user.jobTitle || '',
        organisationId: user.organisation.id,
        organisationName: user.organisation.name,
        phone: user.user.phone ?? user.organisation.phone ?? '',
        addedAt: now,
      };
    } else {
      values = {
        id,
        patientId: input.patientId,
        name: input.name,
        role: input.role,
        organisationName: input.organisationName,
        phone: input.phone,
        addedAt: now,
      };
    }
    await tx.insert(careTeamMembers).values(values).run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'care_team_changed',
        summary: `${values.name} (${values.role || 'no role given'}, ${values.organisationName}) joined the care team`,
        subjectType: 'care_team_member',
        subjectId: id,
        carerVisible: true,
      },
      now,
    );
    return { id };
  });
}
