import { describe, expect, it } from 'vitest';
import { insertConsent } from '../../db/factories';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { loadConsentsInForce } from './load-patient-facts';
import { listConsents } from '../consent/list-consents';

describe('consent in force', () => {
  it('is the last decision recorded, even when two share the same moment', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const at = Date.UTC(2026, 5, 1, 10);
    for (const decision of ['granted', 'withdrawn', 'granted', 'refused'] as const) {
      await insertConsent(db, {
        patientId: w.patient.id,
        purpose: 'voluntary_services',
        decision,
        decidedAt: at,
        recordedAt: at,
        recordedByUserId: w.navigator.row.id,
      });
    }
    expect((await loadConsentsInForce(db, [w.patient.id])).get(w.patient.id)?.voluntary_services?.decision).toBe('refused');
    expect((await listConsents(db, w.patient.id)).inForce.voluntary_services?.decision).toBe('refused');
  });

  it('follows the date of the decision, not the order it was typed in', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'voluntary_services',
      decision: 'granted',
      decidedAt: Date.UTC(2026, 5, 2),
      recordedByUserId: w.navigator.row.id,
    });
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'voluntary_services',
      decision: 'refused',
      decidedAt: Date.UTC(2026, 5, 1),
      recordedByUserId: w.navigator.row.id,
    });
    expect((await loadConsentsInForce(db, [w.patient.id])).get(w.patient.id)?.voluntary_services?.decision).toBe('granted');
  });
});
