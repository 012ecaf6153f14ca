import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, carerLinks, users } from '../../db/schema';
import { carerLinkRow, insertOrganisation, insertPatient, insertUser } from '../../db/factories';
import { callCase } from '../../test/call-case';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { resolveSession, startSession } from '../auth/sessions';
import { FindCarerAccountSchema } from './carer-accounts';

async function setup() {
  const db = testDb();
  const w = await makeWorld(db);
  const carer = await insertUser(db, { role: 'carer', organisationId: null, name: 'Carol Thompson', email: 'carol@example.test' });
  await db
    .insert(carerLinks)
    .values(carerLinkRow({ carerUserId: carer.id, patientId: w.patient.id }))
    .run();
  // An administrator of an organisation that holds no record this carer is linked to.
  const elsewhere = await insertOrganisation(db, { kind: 'navigator_team', name: 'Elsewhere' });
  const otherAdminRow = await insertUser(db, { role: 'admin', organisationId: elsewhere.id });
  const otherAdmin = {
    userId: otherAdminRow.id,
    name: 'Other',
    role: 'admin' as const,
    organisationId: elsewhere.id,
    sector: 'primary' as const,
  };
  return { db, w, carer, otherAdmin };
}

describe('administrators and carer accounts', () => {
  it('find a carer who cares for someone their organisation holds, without naming the person', async () => {
    const { db, w, carer, otherAdmin } = await setup();
    expect(
      await callCase(db, w.admin.actor, 'admin.findCarerAccount', FindCarerAccountSchema.parse({ email: ' Carol@Example.test ' })),
    ).toEqual({
      id: carer.id,
      name: 'Carol Thompson',
      email: 'carol@example.test',
      active: true,
      linkedPeople: 1,
    });
    expect(await callCase(db, otherAdmin, 'admin.findCarerAccount', { email: 'carol@example.test' })).toBeNull();
    // Staff accounts are not carer accounts.
    expect(await callCase(db, w.admin.actor, 'admin.findCarerAccount', { email: w.navigator.row.email })).toBeNull();
  });

  it('deactivate one, ending all their sessions, audited with the person; and reactivate', async () => {
    const { db, w, carer } = await setup();
    const a = await startSession(db, carer.id);
    const b = await startSession(db, carer.id);
    expect(await callCase(db, w.admin.actor, 'admin.setCarerAccountActive', { carerUserId: carer.id, change: 'deactivate' })).toEqual({
      active: false,
      sessionsEnded: 2,
    });
    expect(await resolveSession(db, a)).toBeNull();
    expect(await resolveSession(db, b)).toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'admin.setCarerAccountActive')).all()).toEqual([
      expect.objectContaining({
        patientId: w.patient.id,
        outcome: 'granted',
        reason: `user=${carer.id} active=true→false sessionsEnded=2`,
      }),
    ]);
    await callCase(db, w.admin.actor, 'admin.setCarerAccountActive', { carerUserId: carer.id, change: 'reactivate' });
    expect((await db.select().from(users).where(eq(users.id, carer.id)).get())!.active).toBe(true);
  });

  it('an administrator of another organisation cannot: not found, audited, sessions untouched', async () => {
    const { db, carer, otherAdmin, w } = await setup();
    const session = await startSession(db, carer.id);
    await expect(callCase(db, otherAdmin, 'admin.setCarerAccountActive', { carerUserId: carer.id, change: 'deactivate' })).rejects.toThrow(
      /does not exist/,
    );
    await expect(
      callCase(db, otherAdmin, 'admin.setCarerAccountActive', { carerUserId: w.navigator.row.id, change: 'deactivate' }),
    ).rejects.toThrow(/does not exist/);
    expect(await resolveSession(db, session)).not.toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.outcome, 'denied')).all()).toHaveLength(2);
    // Once the carer cares for someone that organisation holds, its administrator can.
    const theirs = await insertPatient(db, { registeredPracticeId: w.orgs.practice.id, caseloadOrganisationId: otherAdmin.organisationId });
    await db
      .insert(carerLinks)
      .values(carerLinkRow({ carerUserId: carer.id, patientId: theirs.id }))
      .run();
    expect(await callCase(db, otherAdmin, 'admin.setCarerAccountActive', { carerUserId: carer.id, change: 'deactivate' })).toEqual({
      active: false,
      sessionsEnded: 1,
    });
    // Audited with their person only, not with the other organisation's.
    expect(await db.select().from(auditLog).where(eq(auditLog.outcome, 'granted')).all()).toEqual([
      expect.objectContaining({ patientId: theirs.id, action: 'admin.setCarerAccountActive' }),
    ]);
  });
});
