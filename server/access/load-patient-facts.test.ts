import { describe, expect, it } from 'vitest';
import { insertConsent } from '../../db/factories';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { loadConsentsInForce } from './load-patient-facts';
import { listConsents } from '../consent/list-consents';

describe('consent in force', () => {
  it('is the last decision recorded, even when two share the same moment', () => {
    const db = testDb();
    const w = makeWorld(db);
    const at = Date.UTC(2026, 5, 1, 10);
    for (const decision of ['granted', 'withdrawn', 'granted', 'refused'] as const) {
      insertConsent(db, {
        patientId: w.patient.id,
        purpose: 'voluntary_services',
        decision,
        decidedAt: at,
        recordedAt: at,
        recordedByUserId: w.navigator.row.id,
      });
    }
    expect(loadConsentsInForce(db, [w.patient.id]).get(w.patient.id)?.voluntary_services?.decision).toBe('refused');
    expect(listConsents(db, w.patient.id).inForce.voluntary_services?.decision).toBe('refused');
  });

  it('follows the date of the decision, not the order it was typed in', () => {
    const db = testDb();
    const w = makeWorld(db);
    insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'voluntary_services',
      decision: 'granted',
      decidedAt: Date.UTC(2026, 5, 2),
      recordedByUserId: w.navigator.row.id,
    });
    insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'voluntary_services',
      decision: 'refused',
      decidedAt: Date.UTC(2026, 5, 1),
      recordedByUserId: w.navigator.row.id,
    });
    expect(loadConsentsInForce(db, [w.patient.id]).get(w.patient.id)?.voluntary_services?.decision).toBe('granted');
  });
});
