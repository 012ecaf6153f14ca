import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, patients, timelineEvents } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('patients.update', () => {
  it('saves about me, bumps the version and writes one about-me event', async () => {
    const result = await w.navigator.caller.patients.update({
      patientId: w.patient.id,
      expectedVersion: 1,
      changes: { aboutWhatMatters: 'My garden', riskLevel: 'high' },
    });
    expect(result.version).toBe(2);
    const row = (await db.select().from(patients).where(eq(patients.id, w.patient.id)).get())!;
    expect(row).toMatchObject({ aboutWhatMatters: 'My garden', riskLevel: 'high', version: 2 });
    const kinds = await db
      .select({ kind: timelineEvents.kind, summary: timelineEvents.summary })
      .from(timelineEvents)
      .where(eq(timelineEvents.patientId, w.patient.id))
      .all();
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'about_me_edited', summary: 'About me updated: what matters to me' },
        expect.objectContaining({ kind: 'record_updated', summary: expect.stringContaining('risk medium → high') as unknown as string }),
      ]),
    );
  });

  it('refuses a stale version with CONFLICT and keeps the other person’s change', async () => {
    await w.navigator.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { aboutStrengths: 'First writer' } });
    const before = await rowCounts(db);
    const error = await failure(
      w.navigator2.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { aboutStrengths: 'Second writer' } }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Someone else changed this record/);
    expect((await db.select().from(patients).where(eq(patients.id, w.patient.id)).get())!.aboutStrengths).toBe('First writer');
    expect(await rowCounts(db)).toEqual(before);
    // The refused attempt is still in the audit log.
    const failed = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, w.patient.id), eq(auditLog.action, 'patients.update'), eq(auditLog.outcome, 'failed')))
      .all();
    expect(failed).toHaveLength(1);
  });

  it('refuses unknown fields and bad values with BAD_REQUEST naming the field, writing nothing', async () => {
    const before = await rowCounts(db);
    const error = await failure(
      w.navigator.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { aboutStrengths: 'x'.repeat(2001) } }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/changes.aboutStrengths: My strengths must be 2000 characters or fewer/);
    const error2 = await failure(
      w.navigator.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { nhsNumber: '9434765919' } as never }),
    );
    expect(error2.code).toBe('BAD_REQUEST');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('changes the named contact only to an active navigator of the caseload team', async () => {
    await w.navigator.caller.patients.changeNamedContact({
      patientId: w.patient.id,
      expectedVersion: 1,
      namedContactUserId: w.navigator2.row.id,
    });
    expect((await db.select().from(patients).where(eq(patients.id, w.patient.id)).get())!.namedContactUserId).toBe(w.navigator2.row.id);
    const error = await failure(
      w.navigator.caller.patients.changeNamedContact({ patientId: w.patient.id, expectedVersion: 2, namedContactUserId: w.gp.row.id }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^namedContactUserId:/);
  });
});

describe('access through the procedure builder', () => {
  it('another practice’s GP gets FORBIDDEN, and the attempt is in the audit log', async () => {
    const error = await failure(w.otherGp.caller.patients.get({ patientId: w.patient.id }));
    expect(error.code).toBe('FORBIDDEN');
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, w.patient.id), eq(auditLog.userId, w.otherGp.row.id)))
      .all();
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'patients.get',
        outcome: 'denied',
        rule: 'no_relationship',
        role: 'gp_staff',
        organisationId: w.orgs.otherPractice.id,
      }),
    ]);
  });

  it('a read that is allowed is audited with the rule that allowed it', async () => {
    const summary = await w.gp.caller.patients.get({ patientId: w.patient.id });
    expect(summary.access).toMatchObject({ allowed: true, rule: 'registered_practice' });
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, w.patient.id), eq(auditLog.userId, w.gp.row.id)))
      .all();
    expect(rows).toEqual([expect.objectContaining({ outcome: 'granted', rule: 'registered_practice' })]);
  });

  it('withdrawing housing consent cuts the housing worker off on the next request', async () => {
    await expect(w.housingWorker.caller.patients.get({ patientId: w.patient.id })).resolves.toBeTruthy();
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'housing',
      decision: 'withdrawn',
      method: 'verbal',
      decidedOn: new Date().toISOString().slice(0, 10),
    });
    const error = await failure(w.housingWorker.caller.patients.get({ patientId: w.patient.id }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/consent to share with housing was withdrawn/);
  });

  it('an objection to sharing with adult social care cuts the social worker off', async () => {
    await expect(w.socialWorker.caller.timeline.list({ patientId: w.patient.id })).resolves.toBeTruthy();
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'adult_social_care',
      decision: 'refused',
      method: 'verbal',
      decidedOn: new Date().toISOString().slice(0, 10),
    });
    const error = await failure(w.socialWorker.caller.timeline.list({ patientId: w.patient.id }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/objected to sharing with adult social care/);
  });

  it('admin and carers cannot open a record; hospital staff cannot read one they did not flag', async () => {
    for (const who of [w.admin, w.carer, w.hospitalStaff]) {
      const error = await failure(who.caller.patients.get({ patientId: w.patient.id }));
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('not signed in → UNAUTHORIZED', async () => {
    const { createCaller } = await import('../trpc/app-router');
    const error = await failure(createCaller({ db, actor: null }).patients.get({ patientId: w.patient.id }));
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('an id that does not exist → NOT_FOUND, audited as denied', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const error = await failure(w.navigator.caller.patients.get({ patientId: missing }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await db.select().from(auditLog).where(eq(auditLog.patientId, missing)).all()).toHaveLength(1);
  });
});
