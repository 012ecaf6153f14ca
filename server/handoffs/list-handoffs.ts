import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { namedContactHandoffs, organisations, patients, users } from '../../db/schema';
import { STAFF_SEARCH_LIMIT, staffSearchWords, type StaffMatches, type StaffSearchInput } from '../patients/list-options';
import type { Actor } from '../access/actor';

const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');

/** Pending hand-overs of named contact offered to me or by me: both sides see them waiting. */
export async function listMyHandoffs(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: namedContactHandoffs.id,
      patientId: namedContactHandoffs.patientId,
      givenName: patients.givenName,
      familyName: patients.familyName,
      fromUserId: namedContactHandoffs.fromUserId,
      fromName: fromUser.name,
      toUserId: namedContactHandoffs.toUserId,
      toName: toUser.name,
      note: namedContactHandoffs.note,
      createdAt: namedContactHandoffs.createdAt,
    })
    .from(namedContactHandoffs)
    .innerJoin(patients, eq(namedContactHandoffs.patientId, patients.id))
    .innerJoin(fromUser, eq(namedContactHandoffs.fromUserId, fromUser.id))
    .innerJoin(toUser, eq(namedContactHandoffs.toUserId, toUser.id))
    .where(
      and(
        eq(namedContactHandoffs.status, 'pending'),
        or(eq(namedContactHandoffs.toUserId, actor.userId), eq(namedContactHandoffs.fromUserId, actor.userId)),
      ),
    )
    .orderBy(desc(namedContactHandoffs.createdAt))
    .all();
  // Each hand-over names its person: the list is audited against each one.
  actor.access?.audit?.people(rows.map((r) => r.patientId));
  return rows;
}

/** The pending hand-over for one person, if any (shown on their record). */
export async function pendingHandoffFor(db: Db, patientId: string) {
  return (
    (await db
      .select({
        id: namedContactHandoffs.id,
        toName: toUser.name,
        fromName: fromUser.name,
        fromUserId: namedContactHandoffs.fromUserId,
        createdAt: namedContactHandoffs.createdAt,
      })
      .from(namedContactHandoffs)
      .innerJoin(fromUser, eq(namedContactHandoffs.fromUserId, fromUser.id))
      .innerJoin(toUser, eq(namedContactHandoffs.toUserId, toUser.id))
      .where(and(eq(namedContactHandoffs.patientId, patientId), eq(namedContactHandoffs.status, 'pending')))
      .get()) ?? null
  );
}

/** Who a person can be handed to: active navigators and social workers matching a search, the first 20 by name. */
export async function listHandoffCandidates(
  db: Db,
  input: StaffSearchInput,
): Promise<StaffMatches<{ id: string; name: string; jobTitle: string | null }>> {
  const words = staffSearchWords(input.search);
  if (!words) return { matches: [], more: false };
  const rows = await db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(and(inArray(users.role, ['navigator', 'social_worker']), eq(users.active, true), words))
    .orderBy(asc(users.name), asc(users.id))
    .limit(STAFF_SEARCH_LIMIT + 1)
    .all();
  return { matches: rows.slice(0, STAFF_SEARCH_LIMIT), more: rows.length > STAFF_SEARCH_LIMIT };
}
