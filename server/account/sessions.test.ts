import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, sessions } from '../../db/schema';
import { callCase } from '../../test/call-case';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { IDLE_TIMEOUT_MS, resolveSession, sessionHandle, startSession } from '../auth/sessions';
import { listSessions } from './list-sessions';

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** The navigator signed in on two devices (the first is "this" one) and the GP on one. */
async function setup() {
  const db = testDb();
  const w = await makeWorld(db);
  const now = Date.now();
  const here = await startSession(db, w.navigator.row.id, now - 60_000, { userAgent: CHROME_WINDOWS, ip: '198.51.100.1' });
  const phone = await startSession(db, w.navigator.row.id, now - 120_000, { userAgent: SAFARI_IPHONE, ip: '198.51.100.2' });
  const gpSession = await startSession(db, w.gp.row.id, now - 60_000);
  const actor = (await resolveSession(db, here, now))!;
  return { db, w, now, here, phone, gpSession, actor };
}

const audits = async (db: ReturnType<typeof testDb>, action: string) =>
  await db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('a user’s own sessions', () => {
  it('lists the open ones, this device first, each named by a handle that is not its id', async () => {
    const { db, w, now, here, phone, actor } = await setup();
    // Signed out, and idle too long: not open.
    const old = await startSession(db, w.navigator.row.id, now - 2 * IDLE_TIMEOUT_MS);
    const ended = await startSession(db, w.navigator.row.id, now - 1000);
    await db
      .update(sessions)
      .set({ endedAt: now - 500, endedReason: 'signed_out' })
      .where(eq(sessions.id, ended))
      .run();

    const list = await listSessions(db, actor, now);
    expect(list).toEqual([
      expect.objectContaining({ handle: sessionHandle(here), device: 'Chrome on Windows', ip: '198.51.100.1', current: true }),
      expect.objectContaining({ handle: sessionHandle(phone), device: 'Safari on iOS', ip: '198.51.100.2', current: false }),
    ]);
    // No session id (the cookie's secret) reaches the page.
    const shown = JSON.stringify(list);
    for (const id of [here, phone, old, ended]) expect(shown).not.toContain(id);
  });

  it('ends another of the user’s sessions: it stops working at once', async () => {
    const { db, now, phone, actor } = await setup();
    expect(await callCase(db, actor, 'account.endSession', { handle: sessionHandle(phone) })).toEqual({ ended: 1 });
    expect(await resolveSession(db, phone, now + 1)).toBeNull();
    expect((await listSessions(db, actor, now + 1)).map((s) => s.current)).toEqual([true]);
    expect(await audits(db, 'account.endSession')).toEqual([
      expect.objectContaining({ outcome: 'granted', rule: 'own', userId: actor.userId }),
    ]);
  });

  it('cannot end someone else’s session: not found, audited, and it keeps working', async () => {
    const { db, now, gpSession, actor } = await setup();
    await expect(callCase(db, actor, 'account.endSession', { handle: sessionHandle(gpSession) })).rejects.toThrow(/does not exist/);
    expect(await resolveSession(db, gpSession, now + 1)).not.toBeNull();
    expect(await audits(db, 'account.endSession')).toEqual([
      expect.objectContaining({ outcome: 'denied', rule: 'not_found', userId: actor.userId }),
    ]);
    // Nor by the session id itself, were it ever known.
    await expect(callCase(db, actor, 'account.endSession', { handle: gpSession })).rejects.toThrow(/does not exist/);
    expect(await resolveSession(db, gpSession, now + 2)).not.toBeNull();
  });

  it('does not end this device’s session from the list (signing out does that)', async () => {
    const { db, now, here, actor } = await setup();
    await expect(callCase(db, actor, 'account.endSession', { handle: sessionHandle(here) })).rejects.toThrow(/device you are using/);
    expect(await resolveSession(db, here, now + 1)).not.toBeNull();
  });

  it('signs out of all other devices, keeping this one and other users’ sessions', async () => {
    const { db, w, now, here, phone, gpSession, actor } = await setup();
    const laptop = await startSession(db, w.navigator.row.id, now - 30_000);
    expect(await callCase(db, actor, 'account.endOtherSessions', {})).toEqual({ ended: 2 });
    expect(await resolveSession(db, phone, now + 1)).toBeNull();
    expect(await resolveSession(db, laptop, now + 1)).toBeNull();
    expect(await resolveSession(db, here, now + 1)).not.toBeNull();
    expect(await resolveSession(db, gpSession, now + 1)).not.toBeNull();
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'account.endOtherSessions'), eq(auditLog.outcome, 'granted')))
        .get(),
    ).toMatchObject({ reason: 'ended=2', rule: 'own' });
  });
});
