import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, signInFailures } from '../../db/schema';
import { insertOrganisation, insertUser, DEMO_PASSWORD } from '../../db/factories';
import { testDb } from '../../test/db';
import { MAX_FAILURES, verifyCredentials } from './verify-credentials';

async function setup() {
  const db = testDb();
  const org = await insertOrganisation(db, { kind: 'navigator_team' });
  const user = await insertUser(db, { role: 'navigator', organisationId: org.id, email: 'nav@example.test' });
  const signIns = async () => await db.select().from(auditLog).where(eq(auditLog.action, 'auth.signIn')).all();
  return { db, user, signIns };
}

describe('every sign-in attempt leaves one audit row with the IP (#16 finding 9)', () => {
  it('a success', async () => {
    const { db, user, signIns } = await setup();
    await verifyCredentials(db, 'nav@example.test', DEMO_PASSWORD, Date.now(), 'auth.signIn', '203.0.113.7');
    expect(await signIns()).toEqual([expect.objectContaining({ userId: user.id, outcome: 'granted', ip: '203.0.113.7' })]);
  });

  it('a wrong password', async () => {
    const { db, user, signIns } = await setup();
    await verifyCredentials(db, 'nav@example.test', 'wrong', Date.now(), 'auth.signIn', '203.0.113.7');
    expect(await signIns()).toEqual([
      expect.objectContaining({ userId: user.id, outcome: 'denied', rule: 'wrong_password', ip: '203.0.113.7' }),
    ]);
  });

  it('an attempt on a locked account', async () => {
    const { db, user, signIns } = await setup();
    const t0 = Date.now();
    // The lock is per email and address (#16 finding 14), so the locked attempt comes from the same one.
    for (let i = 0; i < MAX_FAILURES; i++) await verifyCredentials(db, 'nav@example.test', 'wrong', t0 + i, 'auth.signIn', '198.51.100.1');
    await verifyCredentials(db, 'nav@example.test', DEMO_PASSWORD, t0 + 100, 'auth.signIn', '198.51.100.1');
    const rows = await signIns();
    expect(rows).toHaveLength(MAX_FAILURES + 1);
    expect(rows.at(-1)).toEqual(expect.objectContaining({ userId: user.id, outcome: 'denied', rule: 'locked_out', ip: '198.51.100.1' }));
  });

  it('an unknown email, with nothing personal', async () => {
    const { db, signIns } = await setup();
    await verifyCredentials(db, 'nobody@example.test', 'wrong', Date.now(), 'auth.signIn', '203.0.113.7');
    const rows = await signIns();
    expect(rows).toEqual([expect.objectContaining({ userId: null, outcome: 'denied', rule: 'unknown_email', ip: '203.0.113.7' })]);
    expect(JSON.stringify(rows)).not.toContain('nobody');
    // Nor does the lock-out table keep what was typed: only keyed hashes.
    expect(JSON.stringify(await db.select().from(signInFailures).all())).not.toContain('nobody');
    expect((await db.select().from(signInFailures).all()).length).toBeGreaterThan(0);
  });
});
