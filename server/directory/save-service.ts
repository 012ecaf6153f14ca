import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, services } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid, NotFound } from '../errors';
import { newId } from '../ids';
import { checkbox } from '../validation';
import { ServiceFields } from './service-fields';

export const SaveServiceSchema = z.object({
  /** Absent to add a service; present to change one. */
  serviceId: z.union([z.literal(''), z.uuid()]).default(''),
  ...ServiceFields,
  // A form leaves an unticked box out, so absent means switched off.
  active: checkbox,
});
export type SaveServiceInput = z.infer<typeof SaveServiceSchema>;

/** An administrator adds or changes a service in the directory. */
export async function saveService(db: Db, actor: Actor, input: SaveServiceInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    if (
      input.organisationId &&
      !(await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get())
    ) {
      throw new Invalid('organisationId', 'Choose an organisation from the list');
    }
    const { serviceId, ...fields } = input;
    const values = { ...fields, organisationId: fields.organisationId || null, updatedAt: Date.now() };
    let id = serviceId;
    if (id) {
      const changed = await tx.update(services).set(values).where(eq(services.id, id)).run();
      if (changed.changes !== 1) throw new NotFound('This service does not exist.');
    } else {
      id = newId();
      await tx
        .insert(services)
        .values({ id, ...values, createdAt: values.updatedAt })
        .run();
    }
    actor.access?.audit?.detail(`${serviceId ? 'changed' : 'added'} service “${input.name}”`);
    return { id };
  });
}
