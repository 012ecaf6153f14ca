import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { carerLinks } from '../../db/schema';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';

describe('carer summaries', () => {
  it('show the named contact and care team, and nothing clinical, only while named-carer consent is in force', async () => {
    const db = testDb();
    const w = makeWorld(db);
    db.insert(carerLinks).values({ id: randomUUID(), carerUserId: w.carer.row.id, patientId: w.patient.id, relationship: 'Daughter', createdAt: Date.now() }).run();

    const before = await w.carer.caller.carer.summaries();
    expect(before).toEqual({ people: [], notSharing: 1 });

    const today = new Date().toISOString().slice(0, 10);
    await w.navigator.caller.consent.record({ patientId: w.patient.id, purpose: 'named_carer', decision: 'granted', method: 'verbal', carerName: 'Carer C (daughter)', decidedOn: today });
    const { people } = await w.carer.caller.carer.summaries();
    expect(people).toHaveLength(1);
    expect(Object.keys(people[0]!).sort()).toEqual(['careTeam', 'name', 'namedContact', 'patientId', 'relationship']);
    expect(people[0]!.namedContact).toMatchObject({ name: 'Nadia Navigator' });
    expect(people[0]!.careTeam.map((m) => m.name)).toEqual(['Social S', 'Housing H', 'Voluntary V']);
    expect(JSON.stringify(people)).not.toMatch(/nhsNumber|conditions|aboutWhatMatters|dateOfBirth/);

    await w.navigator.caller.consent.record({ patientId: w.patient.id, purpose: 'named_carer', decision: 'withdrawn', method: 'verbal', carerName: 'Carer C (daughter)', decidedOn: today });
    expect((await w.carer.caller.carer.summaries()).people).toEqual([]);
  });

  it('is refused to staff', async () => {
    const w = makeWorld(testDb());
    expect((await failure(w.navigator.caller.carer.summaries())).code).toBe('FORBIDDEN');
  });
});
