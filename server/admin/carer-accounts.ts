import { z } from 'zod';
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { carerLinks, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { endUserSessions } from '../auth/sessions';
import { NotFound } from '../errors';
import { emailAddress, IdSchema } from '../validation';
import { describeAccountChange } from './announce-clinical-account';

export const FindCarerAccountSchema = z.object({ email: emailAddress() });
export type FindCarerAccountInput = z.infer<typeof FindCarerAccountSchema>;

export const SetCarerAccountActiveSchema = z.object({
  carerUserId: IdSchema('Carer'),
  change: z.enum(['deactivate', 'reactivate'], { error: 'Choose deactivate or reactivate' }),
});
export type SetCarerAccountActiveInput = z.infer<typeof SetCarerAccountActiveSchema>;

/**
 * The people whose records the administrator's organisation holds (on its caseload, or registered
 * at it) that this carer is linked to. An administrator sees no patient data, so only their number
 * leaves this module.
 */
async function heldPeopleOf(db: Pick<Db, 'select'>, actor: Actor, carerUserId: string): Promise<string[]> {
  if (!actor.organisationId) return [];
  return (
    await db
      .select({ id: patients.id })
      .from(carerLinks)
      .innerJoin(patients, eq(carerLinks.patientId, patients.id))
      .where(
        and(
          eq(carerLinks.carerUserId, carerUserId),
          or(eq(patients.caseloadOrganisationId, actor.organisationId), eq(patients.registeredPracticeId, actor.organisationId)),
        ),
      )
      .all()
  ).map((p) => p.id);
}

async function carerAccount(db: Pick<Db, 'select'>, where: ReturnType<typeof eq>) {
  return await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(and(where, eq(users.role, 'carer')))
    .get();
}

/**
 * For an administrator: a carer's account by its exact email address, if the carer cares for someone
 * whose record the administrator's organisation holds; otherwise nothing (so no one can learn which
 * addresses have carer accounts elsewhere). Names no person: only how many are linked.
 */
export async function findCarerAccount(db: Db, actor: Actor, input: FindCarerAccountInput) {
  const carer = await carerAccount(db, eq(users.email, input.email));
  const people = carer ? await heldPeopleOf(db, actor, carer.id) : [];
  if (!carer || people.length === 0) return null;
  return { ...carer, linkedPeople: people.length };
}

/**
 * An administrator deactivates (ending all their sessions at once) or reactivates a carer who cares
 * for someone whose record their organisation holds. Audited once for each such person, naming the
 * account; any other carer is not found, and the refusal is audited.
 */
export async function setCarerAccountActive(
  db: Db,
  actor: Actor,
  input: SetCarerAccountActiveInput,
  now = Date.now(),
): Promise<{ active: boolean; sessionsEnded: number }> {
  const carer = await carerAccount(db, eq(users.id, input.carerUserId));
  const people = carer ? await heldPeopleOf(db, actor, carer.id) : [];
  if (!carer || people.length === 0) {
    actor.access?.audit?.refused(null, 'not_found', `user=${input.carerUserId}`);
    throw new NotFound('That carer account does not exist.');
  }
  const active = input.change === 'reactivate';
  return await db.transaction(async (tx) => {
    await tx.update(users).set({ active }).where(eq(users.id, carer.id)).run();
    const sessionsEnded = active ? 0 : await endUserSessions(tx, carer.id, 'deactivated', now);
    const reason = describeAccountChange(carer.id, { active: [carer.active, active], sessionsEnded: String(sessionsEnded) });
    // One decision, about each person whose carer it is: their access logs show it.
    actor.access?.audit?.people(people);
    actor.access?.audit?.detail(reason);
    return { active, sessionsEnded };
  });
}
