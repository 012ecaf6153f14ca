import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, breakGlassGrants } from '../../db/schema';
import { insertConsent } from '../../db/factories';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { BREAK_GLASS_READ_ONLY } from '../access/policy';
import { RECORD_ACTIONS } from '../access/record-actions';

const REASON = 'Called by ambulance crew: collapsed at home, need medication list';

// #17 item 3: the record offers only what the policy allows the actor on this person.
describe('what a record offers, from the policy', () => {
  it('under emergency access: reading and a note of what was done, nothing else, and says why', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    const summary = await w.otherGp.caller.patients.get({ patientId: w.patient.id });
    expect(summary.may).toEqual(Object.fromEntries(RECORD_ACTIONS.map((a) => [a, a === 'timeline.write'])));
    expect(summary.refused['patient.edit']).toBe(BREAK_GLASS_READ_ONLY);
    expect(summary.refused['consent.record']).toBe(BREAK_GLASS_READ_ONLY);
    // The executor refuses with the same words when a change is sent anyway.
    await expect(
      w.otherGp.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { phone: '0113 000 0000' } }),
    ).rejects.toThrow(BREAK_GLASS_READ_ONLY);
  });

  it('for the named contact: every change their role has', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const summary = await w.navigator.caller.patients.get({ patientId: w.patient.id });
    expect(Object.values(summary.may).every(Boolean)).toBe(true);
    expect(summary.refused).toEqual({});
  });

  it('for a GP at the practice: what the GP role allows, not a navigator’s changes', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const { may } = await w.gp.caller.patients.get({ patientId: w.patient.id });
    expect(may).toMatchObject({ 'patient.edit': true, 'careTeam.edit': true, 'patient.assignNamedContact': false, 'carer.invite': false });
  });
});

// #17 item 19: emergency access is offered only where the request would give it.
describe('whether emergency access is offered', () => {
  it('is offered to someone with no relationship, and noted against the person', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    expect(await w.otherGp.caller.access.breakGlassOption({ patientId: w.patient.id })).toEqual({ available: true });
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.action, 'access.breakGlassOption')))
      .all();
    expect(rows.map((r) => [r.patientId, r.outcome])).toEqual([[w.patient.id, 'granted']]);
    expect(await db.select().from(breakGlassGrants).all()).toHaveLength(0);
  });

  it('is not offered after the person withdrew consent to share with the actor’s sector: says why and whom to ask', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const housing = await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Another Housing Officer');
    await insertConsent(db, { patientId: w.patient.id, purpose: 'housing', decision: 'withdrawn', recordedByUserId: w.navigator.row.id });
    const option = await housing.caller.access.breakGlassOption({ patientId: w.patient.id });
    expect(option.available).toBe(false);
    // That a decision stands, not what it was or when: the person's decisions are not a stranger's to read.
    expect(!option.available && option.explanation).toMatch(/made a decision about sharing with your service/);
    expect(!option.available && option.explanation).not.toMatch(/withdrawn|consent to share|\d{4}/);
    expect(!option.available && option.explanation).toMatch(/contact their GP practice, or your Caldicott guardian/);
    // The look-up is on the person's log.
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, housing.row.id), eq(auditLog.action, 'access.breakGlassOption')))
      .all();
    expect(rows.map((r) => r.patientId)).toEqual([w.patient.id]);
    // The same words as the request itself refuses with.
    await expect(housing.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON })).rejects.toThrow(
      !option.available ? option.explanation : 'unreachable',
    );
  });

  it('is not offered to someone who already has access, nor twice', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    expect(await w.gp.caller.access.breakGlassOption({ patientId: w.patient.id })).toMatchObject({ available: false });
    await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    const again = await w.otherGp.caller.access.breakGlassOption({ patientId: w.patient.id });
    expect(!again.available && again.explanation).toMatch(/already have emergency access/);
  });
});
