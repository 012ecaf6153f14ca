import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { carerKeyOf, timelineEvents } from '../../db/schema';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { todayInEngland } from '../calendar/england-time';
import { withRelationship } from './carer-label';

describe('a carer with their relationship', () => {
  it('adds the relationship once, never twice', () => {
    expect(withRelationship('Jane Smith', 'Sister')).toBe('Jane Smith (Sister)');
    expect(withRelationship('Jane Smith (sister)', 'Sister')).toBe('Jane Smith (sister)');
    expect(withRelationship('Jane Smith (Sister)', ' sister ')).toBe('Jane Smith (Sister)');
    expect(withRelationship('Jane Smith (sister)', 'Neighbour')).toBe('Jane Smith (sister) (Neighbour)');
    expect(withRelationship('Jane Smith', '')).toBe('Jane Smith');
  });

  it('an invitation to a carer whose consent already names the relationship says it once on the timeline', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'granted',
      method: 'verbal',
      carerName: 'Jane Smith (sister)',
      decidedOn: todayInEngland(),
    });
    await w.navigator.caller.carerInvitations.invite({
      patientId: w.patient.id,
      carerKey: carerKeyOf('Jane Smith (sister)'),
      email: 'jane@example.com',
      relationship: 'Sister',
    });
    const event = await db
      .select({ summary: timelineEvents.summary })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.patientId, w.patient.id), eq(timelineEvents.kind, 'carer_invited')))
      .get();
    expect(event?.summary).toBe('Jane Smith (sister) invited to see the carer summary');
  });
});
