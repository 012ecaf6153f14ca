import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import { insertPatient } from '../db/factories';
import { testDb } from './db';
import { makeWorld } from './world';

// The home page (app/home/page.tsx) shows a few of each list: it asks for only those (`first`), so it
// neither sees nor writes on anyone's access log more people than it shows (#17 item 10).
describe('a list asked for its first few', () => {
  it('returns and audits only those people', async () => {
    const db = testDb();
    const w = makeWorld(db);
    const people = [w.patient.id];
    for (let i = 0; i < 4; i++) {
      const p = insertPatient(db, {
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

    const seen = (action: string) =>
      new Set(
        db
          .select({ patientId: auditLog.patientId })
          .from(auditLog)
          .where(and(eq(auditLog.userId, w.navigator.row.id), eq(auditLog.action, action), isNotNull(auditLog.patientId)))
          .all()
          .map((r) => r.patientId),
      );
    const few = await w.navigator.caller.tasks.list({ view: 'mine', first: 2 });
    expect(few.rows).toHaveLength(2);
    expect(few.truncated).toBe(true);
    expect(seen('tasks.list').size).toBe(2);

    const all = await w.navigator.caller.tasks.list({ view: 'mine' });
    expect(all.rows).toHaveLength(5);
    expect(seen('tasks.list').size).toBe(5);
  });

  it('refuses a count out of range', async () => {
    const db = testDb();
    const w = makeWorld(db);
    await expect(w.navigator.caller.referrals.list({ view: 'sent', first: 0 })).rejects.toThrow();
    await expect(w.navigator.caller.discharges.list({ status: 'active', first: 500 })).rejects.toThrow();
  });
});
