import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { careTeamMembers, namedContactHandoffs, notifications, patients, referrals, services, timelineEvents } from '../../db/schema';
import { referralRow, serviceRow } from '../../db/factories';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts, tableChecksums } from '../../test/world';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const person = async () => (await db.select().from(patients).where(eq(patients.id, w.patient.id)).get())!;

describe('handing over the named contact', () => {
  it('nothing changes until the receiver accepts; both see it pending; then the receiver is the named contact', async () => {
    const { id } = await w.navigator.caller.handoffs.offer({
      patientId: w.patient.id,
      toUserId: w.navigator2.row.id,
      note: 'Moving to the north team',
    });
    expect((await person()).namedContactUserId).toBe(w.navigator.row.id);
    expect((await w.navigator.caller.handoffs.mine()).map((h) => h.id)).toEqual([id]);
    expect((await w.navigator2.caller.handoffs.mine()).map((h) => h.toName)).toEqual(['Sam Navigator']);
    expect((await w.navigator.caller.handoffs.pendingFor({ patientId: w.patient.id }))?.toName).toBe('Sam Navigator');
    const again = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.socialWorker.row.id }));
    expect(again.code).toBe('CONFLICT');
    // Only the receiver answers.
    expect((await failure(w.navigator.caller.handoffs.respond({ handoffId: id, response: 'accept' }))).code).toBe('FORBIDDEN');
    await w.navigator2.caller.handoffs.respond({ handoffId: id, response: 'accept' });
    expect(await person()).toMatchObject({ namedContactUserId: w.navigator2.row.id, version: 2 });
    const kinds = (
      await db.select({ kind: timelineEvents.kind }).from(timelineEvents).where(eq(timelineEvents.patientId, w.patient.id)).all()
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['handoff_offered', 'handoff_accepted']));
    expect((await db.select().from(notifications).where(eq(notifications.userId, w.navigator.row.id)).all()).map((n) => n.title)).toEqual([
      'Margaret Thompson: Sam Navigator accepted the hand-over and is now the named contact',
    ]);
    expect((await failure(w.navigator2.caller.handoffs.respond({ handoffId: id, response: 'decline' }))).message).toBe(
      'This hand-over was already accepted.',
    );
  });

  it('someone with no relationship yet may answer the offer, and gains the record only by accepting', async () => {
    const newcomer = await w.addUser('social_worker', w.orgs.socialCare.id, 'social', 'Social Two');
    const { id } = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: newcomer.actor.userId });
    expect((await failure(newcomer.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
    expect((await failure(w.otherGp.caller.handoffs.respond({ handoffId: id, response: 'accept' }))).code).toBe('FORBIDDEN');
    await newcomer.caller.handoffs.respond({ handoffId: id, response: 'accept' });
    expect((await newcomer.caller.patients.get({ patientId: w.patient.id })).access.rule).toBe('named_contact');
  });

  it('the offer can be declined or withdrawn; bad choices are refused at the field, writing nothing', async () => {
    const before = await rowCounts(db);
    const stranger = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.housingWorker.row.id }));
    expect(stranger.code).toBe('BAD_REQUEST');
    expect(stranger.message).toMatch(/toUserId: Choose an active care navigator or social worker/);
    const self = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator.row.id }));
    expect(self.message).toMatch(/toUserId: Nadia Navigator is already the named contact/);
    const empty = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: '' }));
    expect(empty.message).toMatch(/toUserId: Choose who to hand over to/);
    expect(await rowCounts(db)).toEqual(before);
    const first = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator2.row.id });
    await w.navigator2.caller.handoffs.respond({ handoffId: first.id, response: 'decline' });
    const second = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator2.row.id });
    await w.navigator.caller.handoffs.respond({ handoffId: second.id, response: 'withdraw' });
    expect((await db.select({ status: namedContactHandoffs.status }).from(namedContactHandoffs).all()).map((h) => h.status).sort()).toEqual(
      ['declined', 'withdrawn'],
    );
    expect((await person()).namedContactUserId).toBe(w.navigator.row.id);
  });
});

describe('no self-escalation (pen test #16, finding 3)', () => {
  it('a care-team social worker cannot offer the named contact to themselves; nothing is written', async () => {
    const before = await tableChecksums(db);
    const self = await failure(w.socialWorker.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.socialWorker.row.id }));
    expect(self.code).toBe('BAD_REQUEST');
    expect(self.message).toMatch(/^toUserId: You cannot hand over to yourself/);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('the hand-over records who actually offered it, and the named contact is told', async () => {
    const { id } = await w.socialWorker.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator2.row.id });
    const row = (await db.select().from(namedContactHandoffs).where(eq(namedContactHandoffs.id, id)).get())!;
    expect(row.fromUserId).toBe(w.socialWorker.row.id);
    const told = await db.select().from(notifications).where(eq(notifications.userId, w.navigator.row.id)).all();
    expect(told.map((n) => n.title)).toEqual(['Social S offered to hand over Margaret Thompson’s named contact to Sam Navigator']);
  });

  it('nobody accepts a hand-over they offered themselves (a row made before this rule)', async () => {
    const id = crypto.randomUUID();
    await db
      .insert(namedContactHandoffs)
      .values({ id, patientId: w.patient.id, fromUserId: w.socialWorker.row.id, toUserId: w.socialWorker.row.id, createdAt: Date.now() })
      .run();
    const refused = await failure(w.socialWorker.caller.handoffs.respond({ handoffId: id, response: 'accept' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((await person()).namedContactUserId).toBe(w.navigator.row.id);
  });

  it('a referral gives a social worker the record, not a place on the care team or the named contact; nothing outlives it', async () => {
    const colleague = await w.addUser('social_worker', w.orgs.socialCare.id, 'social', 'Social Two');
    const service = serviceRow({ category: 'adult_social_care', organisationId: w.orgs.socialCare.id });
    await db.insert(services).values(service).run();
    const referral = referralRow({
      patientId: w.patient.id,
      serviceId: service.id,
      toOrganisationId: w.orgs.socialCare.id,
      fromUserId: w.navigator.row.id,
    });
    await db.insert(referrals).values(referral).run();
    expect((await colleague.caller.patients.get({ patientId: w.patient.id })).access.rule).toBe('referral_to_team');
    const before = await tableChecksums(db);
    const join = await failure(
      colleague.caller.patients.addCareTeamMember({ patientId: w.patient.id, type: 'user', userId: colleague.row.id }),
    );
    const offer = await failure(colleague.caller.handoffs.offer({ patientId: w.patient.id, toUserId: colleague.row.id }));
    expect([join.code, offer.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(join.message).toMatch(/referral/);
    expect(await tableChecksums(db)).toEqual(before);
    expect(await db.select().from(careTeamMembers).where(eq(careTeamMembers.userId, colleague.row.id)).all()).toEqual([]);
    // When the referral closes, the access ends with it.
    await db.update(referrals).set({ status: 'completed', closedAt: Date.now() }).where(eq(referrals.id, referral.id)).run();
    expect((await failure(colleague.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
  });
});
