import { createHash } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import Bowser from 'bowser';
import type { Db } from '../../db/client';
import { organisations, sessions, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { newId } from '../ids';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
// Refreshing lastSeenAt on every request would make every read a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

/**
 * What a page may show for a session: a hash of its id, never the id itself. The id is the secret
 * in the user's (encrypted) cookie; the handle names the session without being able to resume it.
 */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(`carenav-session-handle:${sessionId}`).digest('base64url').slice(0, 32);
}

/** A coarse description of the device from its User-Agent: browser and operating system, no versions. */
export function describeDevice(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const parsed = Bowser.parse(userAgent.slice(0, 500));
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? (os ? `A browser on ${os}` : null);
}

export type SignInDetails = { userAgent?: string | null; ip?: string | null };

export async function startSession(db: Db, userId: string, now = Date.now(), details: SignInDetails = {}): Promise<string> {
  const id = newId();
  await db
    .insert(sessions)
    .values({ id, userId, createdAt: now, lastSeenAt: now, device: describeDevice(details.userAgent), ip: details.ip ?? null })
    .run();
  return id;
}

/** Whether a session not yet marked ended is still usable at `now` (the rules of resolveSession). */
export function sessionIsLive(session: { createdAt: number; lastSeenAt: number; endedAt: number | null }, now: number): boolean {
  return session.endedAt === null && now - session.lastSeenAt <= IDLE_TIMEOUT_MS && now - session.createdAt <= ABSOLUTE_TIMEOUT_MS;
}

export async function endSession(db: Pick<Db, 'update'>, sessionId: string, reason: string, now = Date.now()): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .run();
}

/** Ends every open session of a user (when they are deactivated, or an administrator ends them); how many were open. */
export async function endUserSessions(db: Pick<Db, 'update'>, userId: string, reason: string, now = Date.now()): Promise<number> {
  return (
    await db
      .update(sessions)
      .set({ endedAt: now, endedReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
      .run()
  ).changes;
}

/**
 * Ends every open session of a user except `keepSessionId` (after a password change: whoever else
 * knew the old password is signed out, the person changing it is not).
 */
export async function endOtherSessions(
  db: Pick<Db, 'update'>,
  userId: string,
  keepSessionId: string | undefined,
  reason: string,
  now = Date.now(),
): Promise<number> {
  return (
    await db
      .update(sessions)
      .set({ endedAt: now, endedReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
      .run()
  ).changes;
}

/**
 * The actor behind a session id, or null when the session has ended, been idle for 30 minutes,
 * lasted 12 hours, or belongs to a deactivated user. Checked on every request.
 */
export async function resolveSession(db: Db, sessionId: string, now = Date.now()): Promise<Actor | null> {
  const row = await db
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
    await endSession(db, sessionId, reason, now);
    return null;
  }
  if (now - row.session.lastSeenAt > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    userId: row.user.id,
    name: row.user.name,
    role: row.user.role,
    organisationId: row.user.organisationId,
    sector: row.sector ?? null,
    sessionId,
    mustChangePassword: row.user.mustChangePassword,
    sessionHandle: sessionHandle(sessionId),
  };
}
