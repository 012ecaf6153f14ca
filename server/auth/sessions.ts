import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, sessions, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { newId } from '../ids';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
// Refreshing lastSeenAt on every request would make every read a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

export function startSession(db: Db, userId: string, now = Date.now()): string {
  const id = newId();
  db.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now }).run();
  return id;
}

export function endSession(db: Db, sessionId: string, reason: string, now = Date.now()): void {
  db.update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .run();
}

/** Ends every open session of a user (used when they are deactivated). */
export function endUserSessions(db: Pick<Db, 'update'>, userId: string, reason: string, now = Date.now()): void {
  db.update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .run();
}

/**
 * Ends every open session of a user except `keepSessionId` (after a password change: whoever else
 * knew the old password is signed out, the person changing it is not).
 */
export function endOtherSessions(
  db: Pick<Db, 'update'>,
  userId: string,
  keepSessionId: string | undefined,
  reason: string,
  now = Date.now(),
): number {
  return db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .run().changes;
}

/**
 * The actor behind a session id, or null when the session has ended, been idle for 30 minutes,
 * lasted 12 hours, or belongs to a deactivated user. Checked on every request.
 */
export function resolveSession(db: Db, sessionId: string, now = Date.now()): Actor | null {
  const row = db
    .select({ session: sessions, user: users, sector: organisations.sector })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row || row.session.endedAt !== null) return null;
  const reason = !row.user.active
    ? 'deactivated'
    : now - row.session.lastSeenAt > IDLE_TIMEOUT_MS
      ? 'idle'
      : now - row.session.createdAt > ABSOLUTE_TIMEOUT_MS
        ? 'expired'
        : null;
  if (reason) {
    endSession(db, sessionId, reason, now);
    return null;
  }
  if (now - row.session.lastSeenAt > TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    userId: row.user.id,
    name: row.user.name,
    role: row.user.role,
    organisationId: row.user.organisationId,
    sector: row.sector ?? null,
    sessionId,
    mustChangePassword: row.user.mustChangePassword,
  };
}
