import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { auditLog, notifications } from '../db/schema';
import { newId } from '../server/ids';
import { insertPatient } from '../db/factories';
import { testDb } from './db';
import { makeWorld } from './world';

// The home page (app/home/page.tsx) shows a few of each list: it asks for only those (`first`), so it
// neither sees nor writes on anyone's access log more people than it shows (#17 item 10).
describe('a list asked for its first few', () => {
  it('returns and audits only those people', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const people = [w.patient.id];
    for (let i = 0; i < 4; i++) {
      const p = await insertPatient(db, {
        givenName: `Person${i}`,
        familyName: 'Example',
        registeredPracticeId: w.patient.registeredPracticeId,
        caseloadOrganisationId: w.patient.caseloadOrganisationId,
        namedContactUserId: w.navigator.row.id,
      });
      people.push(p.id);
    }
    for (const patientId of people)
      await w.navigator.caller.tasks.create({
        patientId,
        title: 'Ring about the appointment',
        assignee: `user:${w.navigator.row.id}`,
      });

    const seen = async (action: string) =>
      new Set(
        (
          await db
            .select({ patientId: auditLog.patientId })
            .from(auditLog)
            .where(and(eq(auditLog.userId, w.navigator.row.id), eq(auditLog.action, action), isNotNull(auditLog.patientId)))
            .all()
        ).map((r) => r.patientId),
      );
    const few = await w.navigator.caller.tasks.list({ view: 'mine', first: 2 });
    expect(few.rows).toHaveLength(2);
    expect(few.nextCursor).not.toBeNull();
    expect((await seen('tasks.list')).size).toBe(2);

    const all = await w.navigator.caller.tasks.list({ view: 'mine' });
    expect(all.rows).toHaveLength(5);
    expect((await seen('tasks.list')).size).toBe(5);
  });

  it('asks the inbox for its newest few unread, and audits only the people those name', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const now = Date.now();
    const people: string[] = [];
    for (const i of [0, 1, 2, 3]) {
      people.push(
        (
          await insertPatient(db, {
            givenName: `Person${i}`,
            familyName: 'Example',
            registeredPracticeId: w.patient.registeredPracticeId,
            caseloadOrganisationId: w.patient.caseloadOrganisationId,
            namedContactUserId: w.navigator.row.id,
          })
        ).id,
      );
    }
    // Oldest first; the newest one is already read.
    const ids: string[] = [];
    for (const [i, patientId] of people.entries()) {
      const id = newId();
      await db
        .insert(notifications)
        .values({
          id,
          userId: w.navigator.row.id,
          kind: 'task_assigned',
          title: `About person ${i}`,
          link: `/patients/${patientId}`,
          createdAt: now - (10 - i) * 60_000,
          readAt: i === 3 ? now : null,
        })
        .run();
      ids.push(id);
    }
    const few = await w.navigator.caller.notifications.list({ unread: true, first: 2 });
    expect(few.items.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(few.unread).toBe(3);
    const audited = (
      await db
        .select({ patientId: auditLog.patientId })
        .from(auditLog)
        .where(and(eq(auditLog.userId, w.navigator.row.id), eq(auditLog.action, 'notifications.list'), isNotNull(auditLog.patientId)))
        .all()
    ).map((r) => r.patientId);
    expect(new Set(audited)).toEqual(new Set([people[2], people[1]]));
    // The whole inbox still lists read and unread alike.
    expect((await w.navigator.caller.notifications.list({})).items.map((n) => n.id)).toEqual([...ids].reverse());
  });

  it('refuses a count out of range', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await expect(w.navigator.caller.referrals.list({ view: 'sent', first: 0 })).rejects.toThrow();
    await expect(w.navigator.caller.discharges.list({ status: 'active', first: 500 })).rejects.toThrow();
  });
});
