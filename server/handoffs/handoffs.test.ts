import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { namedContactHandoffs, notifications, patients, timelineEvents } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';

let db: Db;
let w: ReturnType<typeof makeWorld>;
beforeEach(() => {
  db = testDb();
  w = makeWorld(db);
});

const person = () => db.select().from(patients).where(eq(patients.id, w.patient.id)).get()!;

describe('handing over the named contact', () => {
  it('nothing changes until the receiver accepts; both see it pending; then the receiver is the named contact', async () => {
    const { id } = await w.navigator.caller.handoffs.offer({
      patientId: w.patient.id,
      toUserId: w.navigator2.row.id,
      note: 'Moving to the north team',
    });
    expect(person().namedContactUserId).toBe(w.navigator.row.id);
    expect((await w.navigator.caller.handoffs.mine()).map((h) => h.id)).toEqual([id]);
    expect((await w.navigator2.caller.handoffs.mine()).map((h) => h.toName)).toEqual(['Sam Navigator']);
    expect((await w.navigator.caller.handoffs.pendingFor({ patientId: w.patient.id }))?.toName).toBe('Sam Navigator');
    const again = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.socialWorker.row.id }));
    expect(again.code).toBe('CONFLICT');
    // Only the receiver answers.
    expect((await failure(w.navigator.caller.handoffs.respond({ handoffId: id, response: 'accept' }))).code).toBe('FORBIDDEN');
    await w.navigator2.caller.handoffs.respond({ handoffId: id, response: 'accept' });
    expect(person()).toMatchObject({ namedContactUserId: w.navigator2.row.id, version: 2 });
    const kinds = db
      .select({ kind: timelineEvents.kind })
      .from(timelineEvents)
      .where(eq(timelineEvents.patientId, w.patient.id))
      .all()
      .map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['handoff_offered', 'handoff_accepted']));
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, w.navigator.row.id))
        .all()
        .map((n) => n.title),
    ).toEqual(['Margaret Thompson: Sam Navigator accepted the hand-over and is now the named contact']);
    expect((await failure(w.navigator2.caller.handoffs.respond({ handoffId: id, response: 'decline' }))).message).toBe(
      'This hand-over was already accepted.',
    );
  });

  it('someone with no relationship yet may answer the offer, and gains the record only by accepting', async () => {
    const newcomer = w.addUser('social_worker', w.orgs.socialCare.id, 'social', 'Social Two');
    const { id } = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: newcomer.actor.userId });
    expect((await failure(newcomer.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
    expect((await failure(w.otherGp.caller.handoffs.respond({ handoffId: id, response: 'accept' }))).code).toBe('FORBIDDEN');
    await newcomer.caller.handoffs.respond({ handoffId: id, response: 'accept' });
    expect((await newcomer.caller.patients.get({ patientId: w.patient.id })).access.rule).toBe('named_contact');
  });

  it('the offer can be declined or withdrawn; bad choices are refused at the field, writing nothing', async () => {
    const before = rowCounts(db);
    const stranger = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.housingWorker.row.id }));
    expect(stranger.code).toBe('BAD_REQUEST');
    expect(stranger.message).toMatch(/toUserId: Choose an active care navigator or social worker/);
    const self = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator.row.id }));
    expect(self.message).toMatch(/toUserId: Nadia Navigator is already the named contact/);
    const empty = await failure(w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: '' }));
    expect(empty.message).toMatch(/toUserId: Choose who to hand over to/);
    expect(rowCounts(db)).toEqual(before);
    const first = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator2.row.id });
    await w.navigator2.caller.handoffs.respond({ handoffId: first.id, response: 'decline' });
    const second = await w.navigator.caller.handoffs.offer({ patientId: w.patient.id, toUserId: w.navigator2.row.id });
    await w.navigator.caller.handoffs.respond({ handoffId: second.id, response: 'withdraw' });
    expect(
      db
        .select({ status: namedContactHandoffs.status })
        .from(namedContactHandoffs)
        .all()
        .map((h) => h.status)
        .sort(),
    ).toEqual(['declined', 'withdrawn']);
    expect(person().namedContactUserId).toBe(w.navigator.row.id);
  });
});
