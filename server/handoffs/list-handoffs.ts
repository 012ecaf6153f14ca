import { and, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { namedContactHandoffs, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';

const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');

/** Pending hand-overs of named contact offered to me or by me: both sides see them waiting. */
export function listMyHandoffs(db: Db, actor: Actor) {
  const rows = db
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
export function pendingHandoffFor(db: Db, patientId: string) {
  return (
    db
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
      .get() ?? null
  );
}

/** Who a person can be handed to: active navigators and social workers. */
export function listHandoffCandidates(db: Db) {
  return db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, jobTitle: users.jobTitle })
    .from(users)
    .where(or(eq(users.role, 'navigator'), eq(users.role, 'social_worker')))
    .all()
    .filter((u) => u.active);
}
