import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailOutbox, notifications } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { saveService } from '../directory/save-service';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const REASON = 'Margaret Thompson, NHS 943 476 5919, moved to hospice with metastatic cancer';

describe('team notifications (#16 finding 4)', () => {
  it('carry the patient’s text only to recipients the policy lets read that person, not the team’s admin', async () => {
    const housingAdmin = await w.addUser('admin', w.orgs.housing.id, 'housing', 'Housing Admin');
    const serviceId = (
      await saveService(db, w.admin.actor, {
        serviceId: '',
        name: 'Tenancy support',
        providerName: 'Tenancy support',
        organisationId: w.orgs.housing.id,
        category: 'housing',
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
    const { id } = await w.navigator.caller.referrals.send({
      patientId: w.patient.id,
      serviceId,
      reason: 'Stairs are unsafe',
      urgency: 'urgent',
      personWants: 'To stay in my flat',
    } as never);
    await w.navigator.caller.referrals.update({ referralId: id, action: 'cancel', reason: REASON });

    const inbox = async (userId: string) =>
      (await db.select().from(notifications).where(eq(notifications.userId, userId)).all()).filter((n) => n.kind === 'referral_updated');
    const outbox = async (userId: string) =>
      await db
        .select({ subject: emailOutbox.subject, body: emailOutbox.body })
        .from(emailOutbox)
        .innerJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
        .where(eq(notifications.userId, userId))
        .all();

    // The housing worker is on Margaret's care team and may read her: they get the reason.
    expect((await inbox(w.housingWorker.row.id)).map((n) => n.body)).toEqual([REASON]);

    // The admin of the same team may not read her: a notice without personal text, or nothing.
    const adminNotes = await inbox(housingAdmin.row.id);
    for (const n of adminNotes) {
      const text = `${n.title} ${n.body}`;
      expect(text).not.toMatch(/Margaret|Thompson|943|cancer|hospice/);
      expect(n.body).toBe('');
    }
    for (const e of await outbox(housingAdmin.row.id))
      expect(`${e.subject} ${e.body}`).not.toMatch(/Margaret|Thompson|943|cancer|hospice|Tenancy/);
    expect(adminNotes.map((n) => n.title)).toEqual(['A referral to or from your team was updated']);
  });
});
