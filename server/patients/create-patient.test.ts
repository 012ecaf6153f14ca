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

const valid = () => ({
  nhsNumber: '943 476 5919',
  givenName: 'Arthur',
  familyName: 'Hughes',
  dateOfBirth: '1941-06-02',
  registeredPracticeId: w.orgs.practice.id,
  conditions: 'Heart failure\nCOPD\n',
});

describe('patients.create', () => {
  it('creates the record on the navigator’s caseload with them as named contact, and a timeline event and audit row', async () => {
    const { id } = await w.navigator.caller.patients.create(valid());
    const row = (await db.select().from(patients).where(eq(patients.id, id)).get())!;
    expect(row).toMatchObject({
      nhsNumber: '9434765919',
      caseloadOrganisationId: w.orgs.navTeam.id,
      namedContactUserId: w.navigator.row.id,
      conditions: ['Heart failure', 'COPD'],
      version: 1,
    });
    const events = await db.select().from(timelineEvents).where(eq(timelineEvents.patientId, id)).all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'patient_created', sector: 'primary', actorUserId: w.navigator.row.id });
    const audit = await db.select().from(auditLog).where(eq(auditLog.patientId, id)).all();
    expect(audit).toEqual([expect.objectContaining({ action: 'patients.create', outcome: 'granted', userId: w.navigator.row.id })]);
  });

  it('puts a person created by a GP on the caseload of the practice’s navigator team, with no named contact yet', async () => {
    const { id } = await w.gp.caller.patients.create(valid());
    const row = (await db.select().from(patients).where(eq(patients.id, id)).get())!;
    expect(row.caseloadOrganisationId).toBe(w.orgs.navTeam.id);
    expect(row.namedContactUserId).toBeNull();
  });

  it('refuses a second record for the same NHS number with CONFLICT; the existing record’s id only to someone who may open it', async () => {
    const before = await rowCounts(db);
    const error = await failure(w.navigator.caller.patients.create({ ...valid(), nhsNumber: w.patient.nhsNumber }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already exists/);
    expect((error.cause as { detail: Record<string, string> }).detail.existingPatientId).toBe(w.patient.id);
    expect(await rowCounts(db)).toEqual(before);

    // A GP at another practice may not open Margaret's record: told it exists, never given its id; audited against her.
    const elsewhere = await failure(w.otherGp.caller.patients.create({ ...valid(), nhsNumber: w.patient.nhsNumber }));
    expect(elsewhere.code).toBe('CONFLICT');
    expect((elsewhere.cause as { detail: Record<string, string> }).detail).toEqual({ field: 'nhsNumber' });
    expect(JSON.stringify(elsewhere)).not.toContain(w.patient.id);
    expect(await rowCounts(db)).toEqual(before);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied).toEqual([expect.objectContaining({ action: 'patients.create', patientId: w.patient.id, rule: 'no_relationship' })]);
  });

  it('refuses an invalid NHS number with BAD_REQUEST naming the field, writing nothing', async () => {
    const before = await rowCounts(db);
    const error = await failure(w.navigator.caller.patients.create({ ...valid(), nhsNumber: '9434765918' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/nhsNumber: NHS number is not valid/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('names every bad field at once', async () => {
    const error = await failure(
      w.navigator.caller.patients.create({ ...valid(), givenName: '', dateOfBirth: '1941-02-30', riskLevel: 'extreme' as never }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/givenName: Enter given name/);
    expect(error.message).toMatch(/dateOfBirth: Date of birth must be a real date/);
    expect(error.message).toMatch(/riskLevel: Choose a risk level/);
  });

  it('refuses markup in a name, naming the field, writing nothing (#17 item 13)', async () => {
    const before = await rowCounts(db);
    const error = await failure(w.navigator.caller.patients.create({ ...valid(), familyName: '<b>Smith</b>' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/familyName: Family name cannot contain < or >/);
    expect(await rowCounts(db)).toEqual(before);
    // Names as people write them are fine: accents, apostrophes, hyphens.
    const created = await w.navigator.caller.patients.create({ ...valid(), givenName: 'Zoë', familyName: 'O’Brien-Smith' });
    expect(created.id).toHaveLength(36);
  });

  it('refuses a practice id that is not a GP practice, naming the field', async () => {
    const before = await rowCounts(db);
    const error = await failure(w.navigator.caller.patients.create({ ...valid(), registeredPracticeId: w.orgs.housing.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^registeredPracticeId:/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses roles that cannot create records, and audits the refusal', async () => {
    for (const who of [w.housingWorker, w.admin, w.carer]) {
      const error = await failure(who.caller.patients.create(valid()));
      expect(error.code).toBe('FORBIDDEN');
    }
    const denied = await db.select().from(auditLog).where(eq(auditLog.outcome, 'denied')).all();
    expect(denied.map((d) => d.action)).toEqual(['patients.create', 'patients.create', 'patients.create']);
  });
});
