import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import type { Actor } from '../access/actor';
import { sessionHandle, sessionIsLive } from '../auth/sessions';

export type OpenSession = {
  /** A hash of the session id (sessionHandle): names the session without being able to resume it. */
  handle: string;
  startedAt: number;
  lastActiveAt: number;
  device: string | null;
  ip: string | null;
  current: boolean;
};

/** The user's own sessions still open (not signed out, idle or expired), this device first, then most recently active. */
export async function openSessionsOf(db: Pick<Db, 'select'>, userId: string, now: number) {
  return (
    await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
      .orderBy(desc(sessions.lastSeenAt))
      .all()
  ).filter((s) => sessionIsLive(s, now));
}

/** The signed-in user's open sessions, for them to recognise and end (never the session ids themselves). */
export async function listSessions(db: Db, actor: Actor, now = Date.now()): Promise<OpenSession[]> {
  const list = (await openSessionsOf(db, actor.userId, now)).map((s) => {
    const handle = sessionHandle(s.id);
    return {
      handle,
      startedAt: s.createdAt,
      lastActiveAt: s.lastSeenAt,
      device: s.device,
      ip: s.ip,
      current: handle === actor.sessionHandle,
    };
  });
  return [...list.filter((s) => s.current), ...list.filter((s) => !s.current)];
}
