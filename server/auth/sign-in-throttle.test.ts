import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { insertOrganisation, insertUser, DEMO_PASSWORD } from '../../db/factories';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { acceptInvitation, AcceptInvitationSchema } from '../carers/accept-invitation';
import type * as passwordModule from './password';
import { verifyPassword } from './password';
import { resetSignInThrottle, subnetOf } from './sign-in-throttle';
import { MAX_FAILURES, signInMessage, verifyCredentials, type SignInResult } from './verify-credentials';

// Counts argon2 verifications: a throttled attempt must not run one.
vi.mock('./password', async (importOriginal) => {
  const original = await importOriginal<typeof passwordModule>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const LIMITS = {
  CARENAV_SIGN_IN_FAILURES_PER_IP: '5',
  CARENAV_SIGN_IN_FAILURES_PER_SUBNET: '8',
  CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT: '100',
  CARENAV_SIGN_IN_BLOCK_MINUTES: '5',
};
const saved = Object.fromEntries(Object.keys(LIMITS).map((k) => [k, process.env[k]]));

function setLimits(overrides: Partial<typeof LIMITS> = {}) {
  Object.assign(process.env, LIMITS, overrides);
}

beforeEach(() => {
  setLimits();
  resetSignInThrottle();
  vi.mocked(verifyPassword).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetSignInThrottle();
});

async function setup() {
  const db = testDb();
  const org = await insertOrganisation(db, { kind: 'navigator_team' });
  const user = await insertUser(db, { role: 'navigator', organisationId: org.id, email: 'nav@example.test' });
  const signIns = async () => await db.select().from(auditLog).where(eq(auditLog.action, 'auth.signIn')).all();
  const attempt = (email: string, password: string, ip: string | null, now = Date.now()) =>
    verifyCredentials(db, email, password, now, 'auth.signIn', ip);
  return { db, user, signIns, attempt };
}

const failed = (r: SignInResult) => (r.ok ? 'ok' : r.error);

describe('per-address throttling of failed sign-ins (#16 finding 14)', () => {
  it('spraying many emails from one address is throttled before any password is checked', async () => {
    const { attempt } = await setup();
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await attempt(`person${i}@example.test`, 'Winter2026!', '203.0.113.7'));
    expect(answers.map(failed)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'throttled', 'throttled', 'throttled']);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(5);
    // Even the right password of a real account is refused from that address while it is blocked.
    const real = await attempt('nav@example.test', DEMO_PASSWORD, '203.0.113.7');
    expect(real).toEqual({ ok: false, error: 'throttled', waitMinutes: 5 });
    expect(signInMessage(real as Exclude<SignInResult, { ok: true }>)).toBe(
      'Too many sign-in attempts from your network. Wait 5 minutes and try again.',
    );
    // Another network is not affected.
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '198.51.100.1')).resolves.toMatchObject({ ok: true });
  });

  it('a throttled attempt leaves exactly one audit row with its IP and says nothing of whether the account exists', async () => {
    const { attempt, signIns, user } = await setup();
    for (let i = 0; i < 5; i++) await attempt(`person${i}@example.test`, 'wrong', '203.0.113.7');
    const known = await attempt('nav@example.test', 'wrong', '203.0.113.7');
    const unknown = await attempt('nobody@example.test', 'wrong', '203.0.113.7');
    expect(known).toEqual(unknown);
    const rows = await signIns();
    expect(rows).toHaveLength(7);
    expect(rows.slice(5)).toEqual([
      expect.objectContaining({ userId: user.id, outcome: 'denied', rule: 'throttled_ip', ip: '203.0.113.7' }),
      expect.objectContaining({ userId: null, outcome: 'denied', rule: 'throttled_ip', ip: '203.0.113.7' }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('nobody');
  });

  it('throttles a whole /24 network spread over many addresses, not the next network', async () => {
    const { attempt, signIns } = await setup();
    for (let i = 1; i <= 8; i++) await attempt(`person${i}@example.test`, 'wrong', `203.0.113.${i}`);
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '203.0.113.200')).resolves.toMatchObject({ error: 'throttled' });
    expect((await signIns()).at(-1)).toMatchObject({ rule: 'throttled_subnet', ip: '203.0.113.200' });
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '203.0.114.1')).resolves.toMatchObject({ ok: true });
  });

  it('throttles an IPv6 /64 as one network', async () => {
    const { attempt } = await setup();
    for (let i = 1; i <= 8; i++) await attempt(`person${i}@example.test`, 'wrong', `2001:db8:1:2::${i.toString(16)}`);
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '2001:db8:1:2:ffff::1')).resolves.toMatchObject({ error: 'throttled' });
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '2001:db8:1:3::1')).resolves.toMatchObject({ ok: true });
  });

  it('blocks grow with each repeat (progressive delay)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    setLimits({ CARENAV_SIGN_IN_FAILURES_PER_SUBNET: '1000' });
    const { attempt } = await setup();
    const block = async () => {
      for (let i = 0; i < 5; i++) await attempt(`person${i}@example.test`, 'wrong', '203.0.113.7');
      return attempt('nav@example.test', DEMO_PASSWORD, '203.0.113.7');
    };
    await expect(block()).resolves.toEqual({ ok: false, error: 'throttled', waitMinutes: 5 });
    vi.advanceTimersByTime(5 * 60_000 + 1000);
    await expect(block()).resolves.toEqual({ ok: false, error: 'throttled', waitMinutes: 10 });
    vi.advanceTimersByTime(10 * 60_000 + 1000);
    await expect(block()).resolves.toEqual({ ok: false, error: 'throttled', waitMinutes: 20 });
    vi.advanceTimersByTime(20 * 60_000 + 1000);
    // After the block the address may try again, and the right password works.
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '203.0.113.7')).resolves.toMatchObject({ ok: true });
  });

  it('does not throttle attempts whose address is unknown (no trusted proxy): that would be everyone', async () => {
    const { attempt } = await setup();
    for (let i = 0; i < 7; i++)
      await expect(attempt(`person${i}@example.test`, 'wrong', 'unknown')).resolves.toMatchObject({ error: 'invalid' });
    await expect(attempt('nav@example.test', DEMO_PASSWORD, 'unknown')).resolves.toMatchObject({ ok: true });
  });
});

describe('the account lock-out cannot be used to keep someone out (#16 finding 14)', () => {
  it("one address's failures lock the account from that address only", async () => {
    setLimits({ CARENAV_SIGN_IN_FAILURES_PER_IP: '1000', CARENAV_SIGN_IN_FAILURES_PER_SUBNET: '1000' });
    const { attempt, signIns } = await setup();
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await attempt('nav@example.test', 'wrong', '203.0.113.7', t0 + i);
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '203.0.113.7', t0 + 100)).resolves.toEqual({ ok: false, error: 'locked' });
    expect((await signIns()).at(-1)).toMatchObject({ rule: 'locked_out', ip: '203.0.113.7' });
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '198.51.100.1', t0 + 200)).resolves.toMatchObject({ ok: true });
  });

  it('a success resets the count for that email from that address', async () => {
    setLimits({ CARENAV_SIGN_IN_FAILURES_PER_IP: '1000', CARENAV_SIGN_IN_FAILURES_PER_SUBNET: '1000' });
    const { attempt } = await setup();
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt('nav@example.test', 'wrong', '203.0.113.7', t0 + i);
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '203.0.113.7', t0 + 50)).resolves.toMatchObject({ ok: true });
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      await expect(attempt('nav@example.test', 'wrong', '203.0.113.7', t0 + 100 + i)).resolves.toEqual({ ok: false, error: 'invalid' });
    }
  });

  it('no typed email can be made to lock someone else’s count', async () => {
    setLimits({
      CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT: '3',
      CARENAV_SIGN_IN_FAILURES_PER_IP: '1000',
      CARENAV_SIGN_IN_FAILURES_PER_SUBNET: '1000',
    });
    const { attempt } = await setup();
    for (const crafted of ['pair 198.51.100.1 nav@example.test', 'nav@example.test from 198.51.100.1', 'account nav@example.test']) {
      for (let i = 0; i < 3; i++) await attempt(crafted, 'wrong', `192.0.2.${i + 1}`);
    }
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '198.51.100.1')).resolves.toMatchObject({ ok: true });
  });

  it('many addresses together still lock the account everywhere at the account-wide limit', async () => {
    setLimits({
      CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT: '12',
      CARENAV_SIGN_IN_FAILURES_PER_IP: '1000',
      CARENAV_SIGN_IN_FAILURES_PER_SUBNET: '1000',
    });
    const { attempt } = await setup();
    const t0 = Date.now();
    for (let i = 0; i < 12; i++) await attempt('nav@example.test', 'wrong', `198.51.${i}.1`, t0 + i);
    await expect(attempt('nav@example.test', DEMO_PASSWORD, '192.0.2.1', t0 + 100)).resolves.toEqual({ ok: false, error: 'locked' });
  });
});

describe('accepting a carer invitation with an existing account', () => {
  it('is throttled like sign-in: a blocked address gets the same message and no password check', async () => {
    const db = testDb();
    await insertUser(db, { role: 'carer', organisationId: null, name: 'Carol Thompson', email: 'carol@example.com' });
    const w = await makeWorld(db);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'granted',
      method: 'verbal',
      carerName: 'Carol Thompson',
      decidedOn: new Date().toISOString().slice(0, 10),
    });
    const invitation = await w.navigator.caller.carerInvitations.invite({
      patientId: w.patient.id,
      carerKey: 'carol thompson',
      email: 'carol@example.com',
      relationship: 'Daughter',
    });
    const token = new URL(invitation.link).hash.slice(1) || invitation.link.split('/').at(-1)!;
    for (let i = 0; i < 5; i++) await verifyCredentials(db, `person${i}@example.test`, 'wrong', Date.now(), 'auth.signIn', '203.0.113.7');
    vi.mocked(verifyPassword).mockClear();
    const input = AcceptInvitationSchema.parse({ token, password: DEMO_PASSWORD });
    await expect(acceptInvitation(db, input, Date.now(), '203.0.113.7')).rejects.toThrow(
      'Too many sign-in attempts from your network. Wait 5 minutes and try again.',
    );
    expect(vi.mocked(verifyPassword)).not.toHaveBeenCalled();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'invitations.accept')).all()).toEqual([
      expect.objectContaining({ outcome: 'denied', rule: 'throttled_ip', ip: '203.0.113.7' }),
    ]);
  });
});

describe('subnetOf', () => {
  it('takes the /24 of IPv4 and the /64 of IPv6', () => {
    expect(subnetOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(subnetOf('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(subnetOf('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(subnetOf('::1')).toBe('0:0:0:0::/64');
    expect(subnetOf('unknown')).toBeNull();
  });
});
