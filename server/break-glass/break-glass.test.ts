import { afterEach, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, breakGlassGrants, timelineEvents } from '../../db/schema';
import { insertConsent } from '../../db/factories';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';

const REASON = 'Called by ambulance crew: collapsed at home, need medication list';
afterEach(() => vi.useRealTimers());

describe('break-glass', () => {
  it('needs a reason of at least 15 characters, naming the field, and writes nothing without one', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const before = await rowCounts(db);
    const short = await failure(w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: 'emergency' }));
    expect(short.code).toBe('BAD_REQUEST');
    expect(short.message).toMatch(/reason: Reason must be at least 15 characters/);
    expect((await failure(w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: '' }))).message).toMatch(
      /reason: Enter why you need emergency access/,
    );
    expect(await rowCounts(db)).toEqual(before);
  });

  it('grants read access for 4 hours only, marks every access under it with the reason, and is audited', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    expect((await failure(w.otherGp.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const grant = await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    expect(grant.until).toBe(start + 4 * 3_600_000);

    const summary = await w.otherGp.caller.patients.get({ patientId: w.patient.id });
    expect(summary.access).toMatchObject({ allowed: true, rule: 'break_glass', breakGlass: { until: grant.until, reason: REASON } });
    expect(summary.access.explanation).toMatch(/emergency access \(break glass\) until/);
    await w.otherGp.caller.timeline.add({
      patientId: w.patient.id,
      type: 'note',
      text: 'Gave medication list to ambulance crew',
      occurredAt: Date.now(),
    });
    // Reading is all it allows: no changing the record.
    expect(
      (
        await failure(
          w.otherGp.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { phone: '0113 000 0000' } }),
        )
      ).code,
    ).toBe('FORBIDDEN');

    const marked = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.rule, 'break_glass')))
      .all();
    expect(marked.map((a) => a.action)).toEqual(expect.arrayContaining(['access.breakGlass', 'patients.get', 'timeline.add']));
    expect(marked.every((a) => a.reason === REASON)).toBe(true);
    expect(await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'break_glass')).get()).toMatchObject({
      body: REASON,
      carerVisible: false,
    });

    vi.setSystemTime(start + 4 * 3_600_000 - 1000);
    expect((await w.otherGp.caller.patients.get({ patientId: w.patient.id })).access.rule).toBe('break_glass');
    vi.setSystemTime(start + 4 * 3_600_000 + 1);
    const expired = await failure(w.otherGp.caller.patients.get({ patientId: w.patient.id }));
    expect(expired.code).toBe('FORBIDDEN');
    expect(
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.outcome, 'denied')))
          .all()
      ).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('is refused to someone who already has a relationship, twice at once, to roles without it, and over a person’s objection', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    expect((await failure(w.gp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON }))).message).toMatch(
      /You do not need emergency access/,
    );
    await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    expect((await failure(w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON }))).message).toMatch(
      /already have emergency access/,
    );
    for (const who of [w.hospitalStaff, w.carer, w.admin]) {
      expect((await failure(who.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON }))).code).toBe('FORBIDDEN');
    }
    const social = await w.addUser('social_worker', w.orgs.socialCare.id, 'social', 'Another Social Worker');
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'adult_social_care',
      decision: 'refused',
      recordedByUserId: w.navigator.row.id,
    });
    const objected = await failure(social.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON }));
    expect(objected.code).toBe('FORBIDDEN');
    expect(objected.message).toMatch(/made a decision about sharing with your service/);
    expect(objected.message).not.toMatch(/objected|adult social care/);
    expect(await db.select().from(breakGlassGrants).all()).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.userId, social.row.id), eq(auditLog.outcome, 'denied')))
        .all(),
    ).toHaveLength(1);
  });

  it('goes to the admin review queue with what was viewed; reviewing it is audited and happens once', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const { id } = await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    await w.otherGp.caller.patients.get({ patientId: w.patient.id });
    await w.otherGp.caller.timeline.list({ patientId: w.patient.id });

    const queue = await w.admin.caller.access.reviews({});
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ id, userName: 'Dr B', personName: 'Margaret Thompson', reason: REASON, reviewOutcome: null });
    expect(queue.items[0]!.viewed.map((v) => v.what)).toEqual([
      'Asked for emergency access (break glass)',
      'Opened the record',
      'Read the timeline',
    ]);
    expect((await failure(w.navigator.caller.access.reviews({}))).code).toBe('FORBIDDEN');

    const before = await rowCounts(db);
    const noNote = await failure(w.admin.caller.access.review({ grantId: id, outcome: 'appropriate', note: '' }));
    expect(noNote.message).toMatch(/note: Enter a note/);
    expect((await failure(w.admin.caller.access.review({ grantId: id, outcome: 'maybe' as never, note: 'x' }))).message).toMatch(
      /outcome: Choose whether/,
    );
    expect(await rowCounts(db)).toEqual(before);

    await w.admin.caller.access.review({ grantId: id, outcome: 'appropriate', note: 'Confirmed with the ambulance service' });
    expect((await failure(w.admin.caller.access.review({ grantId: id, outcome: 'inappropriate', note: 'Changed my mind' }))).code).toBe(
      'CONFLICT',
    );
    expect((await w.admin.caller.access.reviews({})).items).toHaveLength(0);
    expect((await w.admin.caller.access.reviews({ status: 'reviewed' })).items[0]).toMatchObject({
      reviewOutcome: 'appropriate',
      reviewNote: 'Confirmed with the ambulance service',
      reviewedByName: 'Admin A',
    });
    const review = (await db.select().from(auditLog).where(eq(auditLog.action, 'access.review')).all()).filter(
      (a) => a.outcome === 'granted',
    );
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ userId: w.admin.row.id, patientId: w.patient.id, outcome: 'granted' });
  });
});

describe('who has seen this record', () => {
  it('lists every read and write, newest first, with who, role, organisation and break-glass reason; paged; filtered by organisation', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await w.gp.caller.patients.get({ patientId: w.patient.id });
    await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    await w.otherGp.caller.patients.get({ patientId: w.patient.id });
    await failure(w.housingWorker.caller.patients.get({ patientId: w.hospitalStaff.row.id }));
    for (let i = 0; i < 30; i++) await w.navigator.caller.timeline.list({ patientId: w.patient.id });

    const first = await w.navigator.caller.access.log({ patientId: w.patient.id });
    expect(first.items).toHaveLength(25);
    // Reading the access list is itself recorded once it has been answered: the next look shows it.
    expect(first.items[0]).toMatchObject({
      userName: 'Nadia Navigator',
      role: 'navigator',
      organisationName: 'Nav team',
      what: 'Read the timeline',
      outcome: 'granted',
    });
    const all = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await w.navigator.caller.access.log({ patientId: w.patient.id, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.map((a) => a.at)).toEqual([...all.map((a) => a.at)].sort((a, b) => b - a));
    const glass = all.filter((a) => a.breakGlass);
    expect(glass.map((a) => a.what)).toEqual(expect.arrayContaining(['Opened the record', 'Asked for emergency access (break glass)']));
    expect(glass.every((a) => a.reason === REASON && a.userName === 'Dr B')).toBe(true);
    expect(all.some((a) => a.userName === 'Dr A' && a.what === 'Opened the record')).toBe(true);
    expect(first.organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Nav team', 'Practice A', 'Practice B']));

    const practiceB = await w.navigator.caller.access.log({ patientId: w.patient.id, organisationId: w.orgs.otherPractice.id });
    expect(practiceB.items.length).toBeGreaterThan(0);
    expect(practiceB.items.every((a) => a.organisationName === 'Practice B')).toBe(true);
    expect((await failure(w.otherGp.caller.access.log({ patientId: w.hospitalStaff.row.id }))).code).toBe('NOT_FOUND');
  });

  it('the carer sees the same list for the person they care for', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const today = new Date().toISOString().slice(0, 10);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'granted',
      method: 'verbal',
      carerName: 'Carer C',
      decidedOn: today,
    });
    await db.run(
      sql`insert into carer_links (id, carer_user_id, patient_id, relationship, carer_key, created_at) values ('6f1c4c52-1111-4111-8111-111111111111', ${w.carer.row.id}, ${w.patient.id}, 'Son', 'carer c', 0)`,
    );
    await w.gp.caller.patients.get({ patientId: w.patient.id });
    const forCarer = await w.carer.caller.carer.accessLog({ patientId: w.patient.id });
    const forStaff = await w.navigator.caller.access.log({ patientId: w.patient.id });
    // Each list's own read is recorded after it is answered: the carer's read is the newest row the staff list shows.
    expect(forCarer.items[0]?.what).toBe('Opened the record');
    expect(forStaff.items[0]?.what).toBe('Read who has seen the record (as a carer)');
    expect(forStaff.items.slice(1).map((a) => a.id)).toEqual(forCarer.items.map((a) => a.id));
  });
});
