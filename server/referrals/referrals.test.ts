import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, patients, referrals, timelineEvents } from '../../db/schema';
import type { Db } from '../../db/client';
import { insertConsent } from '../../db/factories';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';
import { saveService } from '../directory/save-service';
import { addWorkingDays } from '../calendar/working-days';
import { flagOverdueReferrals } from './flag-overdue-referrals';
import { callCase } from '../../test/call-case';
import { Forbidden } from '../errors';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
let housingService: string;
let socialService: string;
let voluntaryService: string;
let outsideService: string;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
  const service = async (name: string, organisationId: string, category: 'housing' | 'adult_social_care' | 'voluntary_community') =>
    (
      await saveService(db, w.admin.actor, {
        serviceId: '',
        name,
        providerName: name,
        organisationId,
        category,
        area: 'Riverside',
        description: '',
        eligibility: '',
        contact: '0113 496 0000',
        targetUrgentHours: 4,
        targetSoonWorkingDays: 2,
        targetRoutineWorkingDays: 10,
        active: true,
      })
    ).id;
  housingService = await service('Tenancy support', w.orgs.housing.id, 'housing');
  socialService = await service('Care Act assessment', w.orgs.socialCare.id, 'adult_social_care');
  voluntaryService = await service('Befriending', w.orgs.voluntary.id, 'voluntary_community');
  outsideService = await service('Somewhere else', '', 'voluntary_community');
});

const HOUR = 3_600_000;
const row = async (id: string) => (await db.select().from(referrals).where(eq(referrals.id, id)).get())!;
const send = (serviceId: string, overrides: Record<string, unknown> = {}) =>
  w.navigator.caller.referrals.send({
    patientId: w.patient.id,
    serviceId,
    reason: 'Stairs are unsafe',
    urgency: 'urgent',
    personWants: 'To stay in my flat',
    ...overrides,
  } as never);

describe('sending a referral', () => {
  it('lands in the receiving team’s inbox with its target time, on the timeline, and the team is told', async () => {
    const before = Date.now();
    const { id } = await send(housingService);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'sent', toOrganisationId: w.orgs.housing.id, fromUserId: w.navigator.row.id, urgency: 'urgent' });
    expect(r.targetAt).toBeGreaterThanOrEqual(before + 4 * HOUR);
    expect(r.targetAt).toBeLessThanOrEqual(Date.now() + 4 * HOUR);
    const inbox = await w.housingWorker.caller.referrals.list({ view: 'new' });
    expect(inbox.items.map((i) => i.id)).toEqual([id]);
    expect(
      (await db.select().from(notifications).where(eq(notifications.userId, w.housingWorker.row.id)).all()).map((n) => n.title),
    ).toEqual(['New urgent referral to Tenancy support from Nadia Navigator']);
    expect((await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'referral_sent')).get())!.summary).toBe(
      'Referral sent to Tenancy support (urgent)',
    );
    const sent = await w.navigator.caller.referrals.list({ view: 'sent' });
    expect(sent.items.map((i) => i.id)).toEqual([id]);
  });

  it('soon and routine targets count working days', async () => {
    const { id } = await send(socialService, { urgency: 'routine' });
    const r = await row(id);
    expect(r.targetAt).toBe(addWorkingDays(r.sentAt, 10));
  });

  describe('years after the published bank holiday list', () => {
    afterEach(() => vi.useRealTimers());
    it('still sends, with targets that skip the bank holidays by the rules (Christmas 2030)', async () => {
      // Only Date is faked: timers keep running for the database's busy handling.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2030-12-19T10:00:00Z') });
      const { id } = await send(socialService, { urgency: 'soon' });
      const r = await row(id);
      expect(r.sentAt).toBe(Date.parse('2030-12-19T10:00:00Z'));
      // Soon: 2 working days from Thursday 19 December is Monday 23 December.
      expect(new Date(r.targetAt).toISOString()).toBe('2030-12-23T10:00:00.000Z');
      const { id: routine } = await send(socialService, { urgency: 'routine' });
      // Routine, 10 working days: 20, 23, 24, 27, 30, 31 Dec, 2, 3, 6, 7 Jan (25, 26 Dec and 1 Jan are bank holidays).
      expect(new Date((await row(routine)).targetAt).toISOString()).toBe('2031-01-07T10:00:00.000Z');
    });
  });

  it('records whether "what the person wants" is about me unchanged (tell it once)', async () => {
    await db.update(patients).set({ aboutWhatMatters: 'To stay in my flat' }).where(eq(patients.id, w.patient.id)).run();
    expect((await row((await send(housingService)).id)).aboutMeReused).toBe(true);
    expect((await row((await send(housingService, { personWants: 'Something typed again' })).id)).aboutMeReused).toBe(false);
  });

  it('is refused, with a pointer to consent, when the sharing rule for the team’s sector does not allow it', async () => {
    const before = await rowCounts(db);
    const voluntary = await failure(send(voluntaryService));
    expect(voluntary.code).toBe('CONFLICT');
    expect(voluntary.message).toMatch(
      /You cannot refer to Befriending because .*voluntary services.*Record the person’s consent to share with voluntary services first/,
    );
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'adult_social_care',
      decision: 'refused',
      recordedByUserId: w.navigator.row.id,
      decidedAt: Date.now() - 1000,
    });
    const objected = await failure(send(socialService));
    expect(objected.code).toBe('CONFLICT');
    expect(objected.message).toMatch(/objected to sharing with adult social care/);
    const outside = await failure(send(outsideService));
    expect(outside.code).toBe('BAD_REQUEST');
    expect(outside.message).toMatch(/serviceId: Somewhere else does not take referrals through carenav/);
    const before2 = { ...before, consents: before.consents! + 1 };
    expect(await rowCounts(db)).toEqual(before2);
  });

  it('bad input gets BAD_REQUEST naming each field and writes nothing', async () => {
    const before = await rowCounts(db);
    const error = await failure(send('', { reason: '', urgency: 'whenever', personWants: 'x'.repeat(2001) }));
    expect(error.code).toBe('BAD_REQUEST');
    for (const field of ['serviceId', 'reason', 'urgency', 'personWants']) expect(error.message).toContain(`${field}:`);
    expect(await rowCounts(db)).toEqual(before);
    expect((await failure(w.hospitalStaff.caller.referrals.send({ patientId: w.patient.id } as never))).code).toBe('FORBIDDEN');
  });
});

describe('the referral lifecycle', () => {
  it('accept (pick up) → start → complete, each on the timeline and told to the referrer', async () => {
    const { id } = await send(housingService);
    await w.housingWorker.caller.referrals.update({ referralId: id, action: 'accept' });
    expect(await row(id)).toMatchObject({ status: 'accepted', ownerUserId: w.housingWorker.row.id });
    await w.housingWorker.caller.referrals.update({ referralId: id, action: 'start' });
    const noReason = await failure(
      w.housingWorker.caller.referrals.update({ referralId: id, action: 'complete', outcome: 'not_successful', outcomeReason: 'Made up' }),
    );
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.message).toMatch(/outcomeReason: Choose why it was not successful/);
    await w.housingWorker.caller.referrals.update({
      referralId: id,
      action: 'complete',
      outcome: 'not_successful',
      outcomeReason: 'Could not contact',
      note: 'Three calls, two visits',
    });
    expect(await row(id)).toMatchObject({ status: 'completed', outcome: 'not_successful', outcomeReason: 'Could not contact' });
    const told = (await db.select().from(notifications).where(eq(notifications.userId, w.navigator.row.id)).all()).map((n) => n.title);
    expect(told).toEqual([
      'Referral to Tenancy support accepted by Housing H',
      'Referral to Tenancy support: work started',
      'Referral to Tenancy support completed: not successful (Could not contact)',
    ]);
    const detail = await w.navigator.caller.referrals.get({ referralId: id });
    expect(detail.events.map((e) => e.summary)).toEqual([
      'Referral sent to Tenancy support (urgent)',
      'Referral to Tenancy support accepted by Housing H',
      'Referral to Tenancy support: work started',
      'Referral to Tenancy support completed: not successful (Could not contact)',
    ]);
    const finished = await failure(w.housingWorker.caller.referrals.update({ referralId: id, action: 'start' }));
    expect(finished.code).toBe('CONFLICT');
    expect(finished.message).toBe('This referral is completed: it cannot change any more.');
  });

  it('decline needs a reason; illegal steps and the wrong side are refused with a message', async () => {
    const { id } = await send(housingService);
    const early = await failure(w.housingWorker.caller.referrals.update({ referralId: id, action: 'complete', outcome: 'successful' }));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/A referral that is sent cannot be completed\. Next it can be: accepted or declined or cancelled/);
    const noReason = await failure(w.housingWorker.caller.referrals.update({ referralId: id, action: 'decline', reason: ' ' } as never));
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.message).toMatch(/reason: Enter why the referral is declined/);
    const wrongSide = await failure(w.navigator.caller.referrals.update({ referralId: id, action: 'accept' }));
    expect(wrongSide.code).toBe('FORBIDDEN');
    const notReferrer = await failure(w.housingWorker.caller.referrals.update({ referralId: id, action: 'cancel', reason: 'No' }));
    expect(notReferrer.code).toBe('FORBIDDEN');
    await w.housingWorker.caller.referrals.update({ referralId: id, action: 'decline', reason: 'Not a Northshire Homes tenant' });
    expect(await row(id)).toMatchObject({ status: 'declined', declineReason: 'Not a Northshire Homes tenant' });
    const afterDecline = await failure(w.housingWorker.caller.referrals.update({ referralId: id, action: 'accept' }));
    expect(afterDecline.message).toBe('This referral is declined: it cannot change any more.');
  });

  it('the referrer can cancel with a reason until it is finished', async () => {
    const { id } = await send(housingService);
    await w.housingWorker.caller.referrals.update({ referralId: id, action: 'accept' });
    const noReason = await failure(w.navigator.caller.referrals.update({ referralId: id, action: 'cancel', reason: '' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    // A colleague in the referring team may cancel too.
    await w.navigator2.caller.referrals.update({ referralId: id, action: 'cancel', reason: 'Moved to a care home' });
    expect(await row(id)).toMatchObject({ status: 'cancelled', cancelReason: 'Moved to a care home' });
    expect(
      (await db.select().from(notifications).where(eq(notifications.userId, w.housingWorker.row.id)).all()).map((n) => n.title),
    ).toContain('Referral to Tenancy support cancelled by the referrer');
  });
});

describe('access for the receiving organisation', () => {
  it('housing staff see the referral (about me, named contact, its events) but never the rest of the record; once finished, only whoever worked it looks back at it', async () => {
    const newcomer = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Housing Two');
    const colleague = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Housing Three');
    const { id } = await send(housingService);
    const referral = await newcomer.caller.referrals.get({ referralId: id });
    expect(referral.person.givenName).toBe('Margaret');
    expect(referral.about?.namedContact?.name).toBe('Nadia Navigator');
    expect(referral.access.explanation).toMatch(/your team has a referral for this person \(you see the referral, not the whole record\)/);
    for (const call of [
      () => newcomer.caller.patients.get({ patientId: w.patient.id }),
      () => newcomer.caller.timeline.list({ patientId: w.patient.id }),
    ]) {
      expect((await failure(call())).code).toBe('FORBIDDEN');
    }
    await newcomer.caller.referrals.update({ referralId: id, action: 'accept' });
    await newcomer.caller.referrals.update({ referralId: id, action: 'complete', outcome: 'successful' });
    // Finished: the team no longer has a reason to see the person. Whoever worked it looks back at
    // the referral itself (read-only, nothing else from the record); the rest of the team does not.
    const lookBack = await newcomer.caller.referrals.get({ referralId: id });
    expect(lookBack.access.rule).toBe('referral_handled');
    expect(lookBack.referral).toMatchObject({ status: 'completed', outcome: 'successful', reason: 'Stairs are unsafe' });
    expect(lookBack.about).toBeNull();
    expect((await failure(colleague.caller.referrals.get({ referralId: id }))).code).toBe('FORBIDDEN');
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, newcomer.actor.userId), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied.map((d) => d.action).sort()).toEqual(['patients.get', 'timeline.list']);
  });

  it('a social worker whose team has the referral sees the record for direct care; before it, not', async () => {
    const colleague = await w.addUser('social_worker', w.orgs.socialCare.id, 'social', 'Social Two');
    expect((await failure(colleague.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
    await send(socialService);
    const record = await colleague.caller.patients.get({ patientId: w.patient.id });
    expect(record.access.rule).toBe('referral_to_team');
  });

  it('housing staff lose even the referral when the person withdraws housing consent', async () => {
    const newcomer = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Housing Two');
    const { id } = await send(housingService);
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'housing',
      decision: 'withdrawn',
      recordedByUserId: w.navigator.row.id,
      decidedAt: Date.now(),
    });
    expect((await failure(newcomer.caller.referrals.get({ referralId: id }))).code).toBe('FORBIDDEN');
  });
});

describe('overdue referrals', () => {
  it('are flagged once to the receiving team and the referrer', async () => {
    const { id } = await send(housingService);
    await db
      .update(referrals)
      .set({ targetAt: Date.now() - 60_000 })
      .where(eq(referrals.id, id))
      .run();
    expect((await w.housingWorker.caller.referrals.list({ view: 'overdue' })).items.map((i) => i.id)).toEqual([id]);
    expect(await flagOverdueReferrals(db)).toEqual({ flagged: 1 });
    expect(await flagOverdueReferrals(db)).toEqual({ flagged: 0 });
    const told = (await db.select().from(notifications).where(eq(notifications.kind, 'referral_overdue')).all())
      .map((n) => n.userId)
      .sort();
    expect(told).toEqual([w.housingWorker.row.id, w.navigator.row.id].sort());
    expect(await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'referral_overdue')).all()).toHaveLength(1);
    // Once answered, it is no longer waiting.
    await w.housingWorker.caller.referrals.update({ referralId: id, action: 'accept' });
    expect((await w.housingWorker.caller.referrals.list({ view: 'overdue' })).items).toEqual([]);
  });
});

describe('the list of reasons a referral did not succeed', () => {
  it('admin adds and removes reasons; completing uses the list as it is now', async () => {
    await w.admin.caller.referrals.addOutcomeReason({ label: 'Moved away' });
    const reasons = await w.admin.caller.referrals.outcomeReasons();
    expect(reasons.map((r) => r.label)).toContain('Moved away');
    expect((await failure(w.admin.caller.referrals.addOutcomeReason({ label: 'no capacity' }))).code).toBe('CONFLICT');
    expect((await failure(w.admin.caller.referrals.addOutcomeReason({ label: '' }))).message).toMatch(/label: Enter the reason/);
    await w.admin.caller.referrals.removeOutcomeReason({ reasonId: reasons.find((r) => r.label === 'Could not contact')!.id });
    const { id } = await send(housingService);
    await w.housingWorker.caller.referrals.update({ referralId: id, action: 'accept' });
    const removed = await failure(
      w.housingWorker.caller.referrals.update({
        referralId: id,
        action: 'complete',
        outcome: 'not_successful',
        outcomeReason: 'Could not contact',
      }),
    );
    expect(removed.message).toMatch(/outcomeReason: Choose why it was not successful/);
    await w.housingWorker.caller.referrals.update({
      referralId: id,
      action: 'complete',
      outcome: 'not_successful',
      outcomeReason: 'Moved away',
    });
    expect((await failure(w.navigator.caller.referrals.addOutcomeReason({ label: 'Anything' }))).code).toBe('FORBIDDEN');
  });
});

describe('looking back at a finished referral (#17 item 2)', () => {
  const denials = async (userId: string) =>
    await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.userId, userId), eq(auditLog.outcome, 'denied')))
      .all();

  it('the housing worker who completed it finds it under Completed and opens it read-only, with no refusal logged', async () => {
    const worker = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Hana Housing');
    await db
      .update(patients)
      .set({ aboutWhatMatters: 'Back in my garden', phone: '0113 496 0999' })
      .where(eq(patients.id, w.patient.id))
      .run();
    const { id } = await send(housingService);
    await worker.caller.referrals.update({ referralId: id, action: 'accept' });
    // While it is open the team sees about me, to work it.
    expect((await worker.caller.referrals.get({ referralId: id })).about?.aboutWhatMatters).toBe('Back in my garden');
    await worker.caller.referrals.update({ referralId: id, action: 'complete', outcome: 'successful', note: 'Rails fitted' });
    const completed = await worker.caller.referrals.list({ view: 'completed' });
    expect(completed.items.map((r) => [r.id, r.status])).toEqual([[id, 'completed']]);
    const detail = await worker.caller.referrals.get({ referralId: id });
    expect(detail.access.explanation).toMatch(/you worked on this referral/);
    expect(detail.about).toBeNull();
    expect(JSON.stringify(detail)).not.toContain('Back in my garden');
    expect(detail.events.map((e) => e.summary).at(-1)).toBe('Referral to Tenancy support completed: successful');
    // Read-only: no step can be taken, and the record stays closed.
    const work = await failure(worker.caller.referrals.update({ referralId: id, action: 'start' }));
    expect(work).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This referral is finished: you can look back at it, but it cannot be changed any more.',
    });
    expect((await denials(worker.actor.userId)).map((d) => d.action)).toEqual(['referrals.update']);
    expect((await failure(worker.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
  });

  it('whoever declined it, and a colleague who completed it for the owner, look back at it too; the rest of the team does not', async () => {
    const owner = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Owen Owner');
    const cover = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Cora Cover');
    const other = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Otto Other');
    const first = await send(housingService);
    await owner.caller.referrals.update({ referralId: first.id, action: 'accept' });
    await cover.caller.referrals.update({ referralId: first.id, action: 'complete', outcome: 'successful' });
    const second = await send(housingService, { reason: 'Damp in the bedroom' });
    await cover.caller.referrals.update({ referralId: second.id, action: 'decline', reason: 'Not our area' });
    for (const [who, ids] of [
      [owner, [first.id]],
      [cover, [second.id, first.id]],
      [other, []],
    ] as const) {
      const list = await who.caller.referrals.list({ view: 'completed' });
      expect(
        list.items.map((r) => r.id),
        who.actor.name,
      ).toEqual(ids);
      for (const id of [first.id, second.id]) {
        const seen = ids.includes(id as never);
        const answer = who.caller.referrals.get({ referralId: id });
        if (seen) expect((await answer).access.rule).toBe('referral_handled');
        else expect((await failure(answer)).code).toBe('FORBIDDEN');
      }
    }
  });

  it('not after the referrer cancelled it, not once the person withdraws housing consent, and not from another team', async () => {
    const worker = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Hana Housing');
    const cancelled = await send(housingService);
    await worker.caller.referrals.update({ referralId: cancelled.id, action: 'accept' });
    await w.navigator.caller.referrals.update({ referralId: cancelled.id, action: 'cancel', reason: 'Moved away' });
    expect((await failure(worker.caller.referrals.get({ referralId: cancelled.id }))).code).toBe('FORBIDDEN');

    const { id } = await send(housingService);
    await worker.caller.referrals.update({ referralId: id, action: 'accept' });
    await worker.caller.referrals.update({ referralId: id, action: 'complete', outcome: 'successful' });
    // Moved to the voluntary service: their old team's referrals are not theirs any more.
    const moved = { ...worker.actor, organisationId: w.orgs.voluntary.id, sector: 'voluntary' as const };
    await expect(callCase(db, moved, 'referrals.get', { referralId: id })).rejects.toBeInstanceOf(Forbidden);
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'housing',
      decision: 'withdrawn',
      recordedByUserId: w.navigator.row.id,
      decidedAt: Date.now(),
    });
    expect((await failure(worker.caller.referrals.get({ referralId: id }))).code).toBe('FORBIDDEN');
    expect((await worker.caller.referrals.list({ view: 'completed' })).items).toEqual([]);
  });
});
