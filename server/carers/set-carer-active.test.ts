import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, carerLinks, timelineEvents, users } from '../../db/schema';
import { carerLinkRow, insertPatient, insertUser } from '../../db/factories';
import { callCase } from '../../test/call-case';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { resolveSession, startSession } from '../auth/sessions';
import { DEMO_PASSWORD } from '../../db/factories';
import { verifyCredentials } from '../auth/verify-credentials';

async function setup() {
  const db = testDb();
  const w = await makeWorld(db);
  const carer = await insertUser(db, { role: 'carer', organisationId: null, name: 'Carol Thompson', email: 'carol@example.test' });
  const link = carerLinkRow({ carerUserId: carer.id, patientId: w.patient.id, relationship: 'Daughter' });
  await db.insert(carerLinks).values(link).run();
  // The navigator acting through the procedure (carer.invite, allowed for this person).
  const navigator = { ...w.navigator.actor, access: { rule: 'caseload', action: 'carerInvitations.setActive' } };
  return { db, w, carer, link, navigator };
}

describe('deactivating a carer’s account from the person’s record', () => {
  it('ends all their sessions at once, refuses their sign-in, and is on the timeline and audited with the person', async () => {
    const { db, w, carer, link, navigator } = await setup();
    const phone = await startSession(db, carer.id);
    const laptop = await startSession(db, carer.id);
    expect(
      await callCase(db, navigator, 'carerInvitations.setActive', { patientId: w.patient.id, carerLinkId: link.id, change: 'deactivate' }),
    ).toEqual({
      active: false,
      sessionsEnded: 2,
    });
    expect(await resolveSession(db, phone)).toBeNull();
    expect(await resolveSession(db, laptop)).toBeNull();
    await expect(verifyCredentials(db, 'carol@example.test', DEMO_PASSWORD)).resolves.toEqual({ ok: false, error: 'invalid' });
    expect(await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'carer_access_changed')).all()).toEqual([
      expect.objectContaining({
        patientId: w.patient.id,
        summary: 'Carol Thompson (Daughter): carer account deactivated and signed out',
        carerVisible: false,
      }),
    ]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'carerInvitations.setActive')).all()).toEqual([
      expect.objectContaining({
        patientId: w.patient.id,
        outcome: 'granted',
        reason: `user=${carer.id} active=true→false sessionsEnded=2`,
      }),
    ]);
  });

  it('reactivates: they can sign in again', async () => {
    const { db, w, carer, link, navigator } = await setup();
    await callCase(db, navigator, 'carerInvitations.setActive', { patientId: w.patient.id, carerLinkId: link.id, change: 'deactivate' });
    await callCase(db, navigator, 'carerInvitations.setActive', { patientId: w.patient.id, carerLinkId: link.id, change: 'reactivate' });
    expect((await db.select().from(users).where(eq(users.id, carer.id)).get())!.active).toBe(true);
    await expect(verifyCredentials(db, 'carol@example.test', DEMO_PASSWORD)).resolves.toMatchObject({ ok: true });
  });

  it('a carer linked to another person is not found through this one: nothing changes, the refusal is audited', async () => {
    const { db, w, carer, navigator } = await setup();
    const other = await insertPatient(db, { registeredPracticeId: w.orgs.otherPractice.id, caseloadOrganisationId: w.orgs.navTeam.id });
    const otherCarer = await insertUser(db, { role: 'carer', organisationId: null });
    const otherLink = carerLinkRow({ carerUserId: otherCarer.id, patientId: other.id });
    await db.insert(carerLinks).values(otherLink).run();
    const session = await startSession(db, otherCarer.id);
    await expect(
      callCase(db, navigator, 'carerInvitations.setActive', { patientId: w.patient.id, carerLinkId: otherLink.id, change: 'deactivate' }),
    ).rejects.toThrow(/not linked to this person/);
    expect(await resolveSession(db, session)).not.toBeNull();
    expect((await db.select().from(users).where(eq(users.id, carer.id)).get())!.active).toBe(true);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'carerInvitations.setActive'), eq(auditLog.outcome, 'denied')))
        .all(),
    ).toEqual([expect.objectContaining({ patientId: w.patient.id, rule: 'not_found' })]);
  });
});
