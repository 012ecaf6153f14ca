import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTeamMembers, patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { filterAccessible } from '../access/filter-accessible';

/** How many of my people a home page shows; the rest are found by search. */
export const MY_PEOPLE_SHOWN = 10;
// Candidates are narrowed by the access policy afterwards, so fetch more than are shown.
const CANDIDATES = 50;

/**
 * The people I work with, for my home page: those whose care team I am on, whose named contact I
 * am, or who are registered at my practice, by name. Only those the access policy lets me open are
 * returned (and audited, one row per person shown).
 */
export async function listMyPeople(db: Db, actor: Actor): Promise<{ rows: MyPerson[]; more: boolean }> {
  const onMyCareTeam = sql`${patients.id} in (select ${careTeamMembers.patientId} from ${careTeamMembers} where ${and(
    eq(careTeamMembers.userId, actor.userId),
    isNull(careTeamMembers.removedAt),
  )})`;
  const candidates = await db
    .select({
      id: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      dateOfBirth: patients.dateOfBirth,
    })
    .from(patients)
    .where(
      and(
        eq(patients.status, 'active'),
        or(onMyCareTeam, eq(patients.namedContactUserId, actor.userId), eq(patients.registeredPracticeId, actor.organisationId ?? '')),
      ),
    )
    .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id))
    .limit(CANDIDATES)
    .all();
  const visible = await filterAccessible(db, actor, candidates, 'patient.read');
  const rows = visible.slice(0, MY_PEOPLE_SHOWN);
  actor.access?.audit?.people(rows.map((r) => r.id));
  return { rows, more: visible.length > MY_PEOPLE_SHOWN || candidates.length === CANDIDATES };
}
export type MyPerson = { id: string; givenName: string; familyName: string; dateOfBirth: string };
