import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ORGANISATION_KINDS, organisations } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid } from '../errors';
import { newId } from '../ids';
import { freeText, requiredText } from '../validation';
import { PatientDetailFields } from '../patients/patient-fields';
import { KIND_SECTOR } from './organisation-kinds';

export const CreateOrganisationSchema = z.object({
  name: requiredText('Name', 150, 'Enter the organisation’s name'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Choose the type of organisation' }),
  odsCode: freeText('ODS code', 10).default(''),
  phone: PatientDetailFields.phone.default(''),
  email: z.union([z.literal(''), z.email('Email address must be a real email address, like team@example.nhs.uk')]).default(''),
  navigatorTeamId: z.union([z.literal(''), z.uuid('Navigator team: choose a team from the list')]).default(''),
});
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>;

export async function createOrganisation(db: Db, actor: Actor, input: CreateOrganisationInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    if (input.navigatorTeamId) {
      const team = await tx.select().from(organisations).where(eq(organisations.id, input.navigatorTeamId)).get();
      if (team?.kind !== 'navigator_team') throw new Invalid('navigatorTeamId', 'Navigator team: choose a care navigation team');
      if (input.kind !== 'gp_practice')
        throw new Invalid('navigatorTeamId', 'Navigator team: only GP practices are linked to a navigator team');
    }
    const id = newId();
    await tx
      .insert(organisations)
      .values({
        id,
        name: input.name,
        kind: input.kind,
        sector: KIND_SECTOR[input.kind],
        odsCode: input.odsCode || null,
        phone: input.phone || null,
        email: input.email || null,
        navigatorTeamId: input.navigatorTeamId || null,
        createdAt: Date.now(),
      })
      .run();
    return { id };
  });
}
