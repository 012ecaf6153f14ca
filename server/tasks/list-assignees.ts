import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTeamMembers, organisations, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { NotFound } from '../errors';

export type AssigneeChoice = { value: string; label: string; userId: string | null; organisationId: string };

/**
 * Who a task about this person can go to: the caseload team's queue, the named contact, carenav
 * users on the care team and their teams' queues, and the actor and their own team. Only people
 * already involved, so a task never hands the person's details to someone new.
 */
export async function listAssignees(db: Pick<Db, 'select'>, actor: Actor, patientId: string): Promise<AssigneeChoice[]> {
  const person = await db
    .select({ caseloadOrganisationId: patients.caseloadOrganisationId, namedContactUserId: patients.namedContactUserId })
    .from(patients)
    .where(eq(patients.id, patientId))
    .get();
  if (!person) throw new NotFound('This person’s record does not exist.');
  const memberUserIds = (
    await db
      .select({ userId: careTeamMembers.userId })
      .from(careTeamMembers)
      .where(and(eq(careTeamMembers.patientId, patientId), isNull(careTeamMembers.removedAt)))
      .all()
  ).flatMap((m) => (m.userId ? [m.userId] : []));
  const userIds = new Set([...memberUserIds, ...(person.namedContactUserId ? [person.namedContactUserId] : [])]);
  if (actor.organisationId) userIds.add(actor.userId);
  const people = (
    await db
      .select({
        id: users.id,
        name: users.name,
        active: users.active,
        organisationId: users.organisationId,
        organisationName: organisations.name,
      })
      .from(users)
      .innerJoin(organisations, eq(users.organisationId, organisations.id))
      .where(inArray(users.id, [...userIds]))
      .all()
  ).filter((u) => u.active);
  const teamIds = new Set([person.caseloadOrganisationId, ...people.map((p) => p.organisationId!)]);
  if (actor.organisationId) teamIds.add(actor.organisationId);
  const teams = (
    await db
      .select({ id: organisations.id, name: organisations.name, active: organisations.active })
      .from(organisations)
      .where(inArray(organisations.id, [...teamIds]))
      .all()
  ).filter((o) => o.active);
  return [
    ...people
      .sort((a, b) => (a.id === actor.userId ? -1 : b.id === actor.userId ? 1 : a.name.localeCompare(b.name)))
      .map((u) => ({
        value: `user:${u.id}`,
        label: u.id === actor.userId ? `Me (${u.name})` : `${u.name} (${u.organisationName})`,
        userId: u.id,
        organisationId: u.organisationId!,
      })),
    ...teams
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => ({ value: `team:${o.id}`, label: `${o.name}: team queue`, userId: null, organisationId: o.id })),
  ];
}
