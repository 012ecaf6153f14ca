import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { insertOrganisation, insertUser, DEMO_PASSWORD } from '../../db/factories';
import { testDb } from '../../test/db';
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  describeDevice,
  endOtherSessions,
  endSession,
  resolveSession,
  startSession,
} from './sessions';
import { MAX_FAILURES, SIGN_IN_MESSAGES, verifyCredentials } from './verify-credentials';
import { updateUser } from '../admin/update-user';

async function setup() {
  const db = testDb();
  const org = await insertOrganisation(db, { kind: 'navigator_team' });
  const user = await insertUser(db, { role: 'navigator', organisationId: org.id, email: 'nav@example.test' });
  const admin = await insertUser(db, { role: 'admin', organisationId: org.id });
  return { db, org, user, admin };
}

describe('sessions', () => {
  it('resolves a live session to the actor, with the organisation’s sector', async () => {
    const { db, user, org } = await setup();
    const sid = await startSession(db, user.id, 1_000);
    expect(await resolveSession(db, sid, 2_000)).toMatchObject({
      userId: user.id,
      role: 'navigator',
      organisationId: org.id,
      sector: 'primary',
    });
  });

  it('carries the session id and whether an administrator’s temporary password must be changed first', async () => {
    const { db, user } = await setup();
    const sid = await startSession(db, user.id);
    expect(await resolveSession(db, sid)).toMatchObject({ sessionId: sid, mustChangePassword: false });
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id)).run();
    expect(await resolveSession(db, sid)).toMatchObject({ sessionId: sid, mustChangePassword: true });
  });

  it('ends every other session of a user, keeping the one given', async () => {
    const { db, user, admin } = await setup();
    const [a, b, c] = [await startSession(db, user.id), await startSession(db, user.id), await startSession(db, admin.id)];
    expect(await endOtherSessions(db, user.id, a, 'password_changed')).toBe(1);
    expect(await resolveSession(db, a)).not.toBeNull();
    expect(await resolveSession(db, b)).toBeNull();
    expect(await resolveSession(db, c)).not.toBeNull();
  });

  it('ends after 30 minutes idle, but not while in use', async () => {
    const { db, user } = await setup();
    const t0 = 1_000_000;
    const sid = await startSession(db, user.id, t0);
    // Used every 20 minutes for two hours: stays alive.
    for (let t = t0; t < t0 + 2 * 60 * 60_000; t += 20 * 60_000) expect(await resolveSession(db, sid, t)).not.toBeNull();
    const lastSeen = (await db.select().from(sessions).where(eq(sessions.id, sid)).get())!.lastSeenAt;
    expect(await resolveSession(db, sid, lastSeen + IDLE_TIMEOUT_MS + 1)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.id, sid)).get()).toMatchObject({ endedReason: 'idle' });
    // Once ended it stays ended.
    expect(await resolveSession(db, sid, lastSeen + 1)).toBeNull();
  });

  it('ends after 12 hours however active', async () => {
    const { db, user } = await setup();
    const sid = await startSession(db, user.id, 0);
    let t = 0;
    for (; t < ABSOLUTE_TIMEOUT_MS; t += 10 * 60_000) expect(await resolveSession(db, sid, t)).not.toBeNull();
    expect(await resolveSession(db, sid, ABSOLUTE_TIMEOUT_MS + 60_000)).toBeNull();
  });

  it('signs a deactivated user out on their next request', async () => {
    const { db, user, admin } = await setup();
    const sid = await startSession(db, user.id);
    expect(await resolveSession(db, sid)).not.toBeNull();
    await updateUser(
      db,
      { userId: admin.id, name: 'Admin', role: 'admin', organisationId: null, sector: null },
      { userId: user.id, change: 'deactivate' },
    );
    expect(await resolveSession(db, sid)).toBeNull();
    expect((await db.select().from(users).where(eq(users.id, user.id)).get())!.active).toBe(false);
  });

  it('sign-out ends the session', async () => {
    const { db, user } = await setup();
    const sid = await startSession(db, user.id);
    await endSession(db, sid, 'signed_out');
    expect(await resolveSession(db, sid)).toBeNull();
  });
});

describe('sign-in', () => {
  it('accepts the right password, case-insensitively by email', async () => {
    const { db, user } = await setup();
    await expect(verifyCredentials(db, ' NAV@example.test ', DEMO_PASSWORD)).resolves.toEqual({ ok: true, userId: user.id });
  });

  it('locks an account for 15 minutes after ten failures within 15 minutes, even for the right password', async () => {
    const { db } = await setup();
    const t0 = Date.now();
    for (let i = 1; i < MAX_FAILURES; i++) {
      await expect(verifyCredentials(db, 'nav@example.test', 'wrong', t0 + i)).resolves.toEqual({ ok: false, error: 'invalid' });
    }
    await expect(verifyCredentials(db, 'nav@example.test', 'wrong', t0 + 20)).resolves.toEqual({ ok: false, error: 'locked' });
    await expect(verifyCredentials(db, 'nav@example.test', DEMO_PASSWORD, t0 + 60_000)).resolves.toEqual({ ok: false, error: 'locked' });
    await expect(verifyCredentials(db, 'nav@example.test', DEMO_PASSWORD, t0 + 16 * 60_000)).resolves.toMatchObject({ ok: true });
    expect(SIGN_IN_MESSAGES.locked).toMatch(/locked for 15 minutes/);
  });

  it('failures spread over more than 15 minutes do not lock', async () => {
    const { db } = await setup();
    const t0 = Date.now();
    for (let i = 0; i < 12; i++) {
      await expect(verifyCredentials(db, 'nav@example.test', 'wrong', t0 + i * 2 * 60_000)).resolves.toEqual({
        ok: false,
        error: 'invalid',
      });
    }
  });

  it('answers an unknown email exactly as a wrong password, including the lock-out', async () => {
    const { db } = await setup();
    const t0 = Date.now();
    const answers = [];
    for (let i = 0; i < MAX_FAILURES; i++) answers.push(await verifyCredentials(db, 'nobody@example.test', 'wrong', t0 + i));
    expect(answers.slice(0, -1).every((a) => !a.ok && a.error === 'invalid')).toBe(true);
    expect(answers.at(-1)).toEqual({ ok: false, error: 'locked' });
  });

  it('refuses a deactivated user with the same message as a wrong password', async () => {
    const { db, user } = await setup();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id)).run();
    await expect(verifyCredentials(db, 'nav@example.test', DEMO_PASSWORD)).resolves.toEqual({ ok: false, error: 'invalid' });
  });
});

describe('what a session records of the device', () => {
  it('describes the browser and operating system, without versions', () => {
    expect(
      describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
    ).toBe('Chrome on Windows');
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice('')).toBeNull();
  });

  it('keeps the device and address given at sign-in', async () => {
    const { db, user } = await setup();
    const sid = await startSession(db, user.id, 1_000, {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      ip: '203.0.113.9',
    });
    expect(await db.select().from(sessions).where(eq(sessions.id, sid)).get()).toMatchObject({
      device: 'Firefox on Linux',
      ip: '203.0.113.9',
    });
  });
});
