import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { insertOrganisation, insertUser } from '../../db/factories';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { STAFF_SEARCH_LIMIT } from './list-options';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('finding a colleague to add to a care team (#18: never the whole staff list)', () => {
  it('lists nobody until 2 letters are typed, then every word must match the name or the organisation', async () => {
    const staff = (search?: string) => w.navigator.caller.patients.staff(search === undefined ? undefined : { search });
    await expect(staff()).resolves.toEqual({ matches: [], more: false });
    await expect(staff('d')).resolves.toEqual({ matches: [], more: false });
    expect((await staff('dr')).matches.map((m) => m.name)).toEqual(['Dr A', 'Dr B']);
    expect((await staff('dr practice b')).matches).toEqual([
      { id: w.otherGp.row.id, name: 'Dr B', jobTitle: null, organisationName: 'Practice B' },
    ]);
    // Typed wildcards are plain text.
    await expect(staff('%%')).resolves.toEqual({ matches: [], more: false });
  });

  it('never lists administrators, carers or inactive accounts', async () => {
    await insertUser(db, { role: 'navigator', organisationId: w.orgs.navTeam.id, name: 'Gone Navigator', active: false });
    expect((await w.navigator.caller.patients.staff({ search: 'gone' })).matches).toEqual([]);
    const found = (await w.navigator.caller.patients.staff({ search: 'nav team' })).matches.map((m) => m.name);
    expect(found).toEqual(['Nadia Navigator', 'Sam Navigator']);
    expect((await w.navigator.caller.patients.staff({ search: 'admin' })).matches).toEqual([]);
    expect((await w.navigator.caller.patients.staff({ search: 'carer' })).matches).toEqual([]);
  });

  it('lists the first 20 by name and says there are more', async () => {
    const ward = await insertOrganisation(db, { name: 'Ward 9', kind: 'hospital_trust' });
    for (let i = 30; i > 0; i--)
      await insertUser(db, { role: 'hospital_staff', organisationId: ward.id, name: `Nurse ${String(i).padStart(2, '0')}` });
    const found = await w.navigator.caller.patients.staff({ search: 'nurse' });
    expect(found.more).toBe(true);
    expect(found.matches.map((m) => m.name)).toEqual(
      Array.from({ length: STAFF_SEARCH_LIMIT }, (_, i) => `Nurse ${String(i + 1).padStart(2, '0')}`),
    );
    const narrowed = await w.navigator.caller.patients.staff({ search: 'nurse 3' });
    expect(narrowed).toMatchObject({
      more: false,
      matches: [{ name: 'Nurse 03' }, { name: 'Nurse 13' }, { name: 'Nurse 23' }, { name: 'Nurse 30' }],
    });
  });
});

describe('finding whom to hand a person over to', () => {
  it('lists active navigators and social workers matching the search, nobody else', async () => {
    await insertUser(db, { role: 'social_worker', organisationId: w.orgs.socialCare.id, name: 'Sam Retired', active: false });
    const find = (search: string) => w.navigator.caller.handoffs.candidates({ patientId: w.patient.id, search });
    expect((await find('sam')).matches.map((m) => m.name)).toEqual(['Sam Navigator']);
    expect((await find('social')).matches.map((m) => m.name)).toEqual(['Social S']);
    expect((await find('dr')).matches).toEqual([]);
    await expect(w.navigator.caller.handoffs.candidates({ patientId: w.patient.id })).resolves.toEqual({ matches: [], more: false });
  });
});

describe('the organisations in a person’s access log (the filter)', () => {
  it('each organisation that appears, once, by name, found by hopping along the index', async () => {
    await w.gp.caller.patients.get({ patientId: w.patient.id });
    await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: 'Safeguarding concern raised out of hours' });
    await w.socialWorker.caller.patients.get({ patientId: w.patient.id });
    for (let i = 0; i < 3; i++) await w.navigator.caller.timeline.list({ patientId: w.patient.id });
    const expected = await db.all(
      sql`select distinct o.id, o.name from audit_log a join organisations o on o.id = a.organisation_id
         where a.patient_id = ${w.patient.id} order by o.name`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const log = await w.navigator.caller.access.log({ patientId: w.patient.id });
    expect(log.organisations).toEqual(expected);
  });
});

describe('the record’s summary', () => {
  it('carries the hand-over of the named contact waiting to be accepted, and none once it is answered', async () => {
    const summary = () => w.navigator.caller.patients.get({ patientId: w.patient.id });
    expect((await summary()).pendingHandoff).toBeNull();
    const { id } = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator2.row.id });
    expect((await summary()).pendingHandoff).toMatchObject({ id, toName: 'Sam Navigator', fromName: 'Nadia Navigator' });
    await w.navigator.caller.handoffs.respond({ handoffId: id, response: 'withdraw' });
    expect((await summary()).pendingHandoff).toBeNull();
  });
});
