import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { endSession as closeSession, sessionHandle } from '../auth/sessions';
import { Invalid, NotFound } from '../errors';
import { openSessionsOf } from './list-sessions';

export const EndSessionSchema = z.object({
  /** The session's handle as listed (listSessions), never its id. */
  handle: z
    .string({ error: 'Session: choose a session to sign out' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Session: choose a session to sign out'),
});
export type EndSessionInput = z.infer<typeof EndSessionSchema>;

export const EndOtherSessionsSchema = z.object({});
export type EndOtherSessionsInput = z.infer<typeof EndOtherSessionsSchema>;

/**
 * Signs the user out of one of their other sessions. Only their own open sessions can be found:
 * any other handle (someone else's session, an ended one, a guess) is not found, and the refusal is
 * audited, since it may be someone probing for sessions.
 */
export async function endSession(db: Db, actor: Actor, input: EndSessionInput, now = Date.now()): Promise<{ ended: number }> {
  const own = (await openSessionsOf(db, actor.userId, now)).find((s) => sessionHandle(s.id) === input.handle);
  if (!own) {
    actor.access?.audit?.refused(null, 'not_found');
    throw new NotFound('This session does not exist or has already ended.');
  }
  if (input.handle === actor.sessionHandle) {
    throw new Invalid('handle', 'Session: this is the device you are using. To end it, sign out');
  }
  return await db.transaction(async (tx) => {
    await closeSession(tx, own.id, 'signed_out_elsewhere', now);
    actor.access?.audit?.detail(`session=${input.handle}`);
    return { ended: 1 };
  });
}

/** Signs the user out everywhere but the device they are using now. */
export async function endOtherSessions(
  db: Db,
  actor: Actor,
  _input: EndOtherSessionsInput = {},
  now = Date.now(),
): Promise<{ ended: number }> {
  return await db.transaction(async (tx) => {
    const others = (await openSessionsOf(tx, actor.userId, now)).filter((s) => sessionHandle(s.id) !== actor.sessionHandle);
    for (const s of others) await closeSession(tx, s.id, 'signed_out_elsewhere', now);
    actor.access?.audit?.detail(`ended=${others.length}`);
    return { ended: others.length };
  });
}
