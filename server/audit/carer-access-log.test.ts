import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';

const REASON = 'Collapsed at surgery, suspected overdose, need medication history now';

describe('the carer’s "who has seen the record" (#16 finding 13)', () => {
  it('names organisation types only: no reasons, no staff names or roles, no organisation names or filter', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'granted',
      method: 'verbal',
      carerName: 'Carer C',
      decidedOn: new Date().toISOString().slice(0, 10),
    });
    await db.run(
      sql`insert into carer_links (id, carer_user_id, patient_id, relationship, carer_key, created_at) values ('6f1c4c52-1111-4111-8111-111111111111', ${w.carer.row.id}, ${w.patient.id}, 'Son', 'carer c', 0)`,
    );
    await w.gp.caller.patients.get({ patientId: w.patient.id });
    await w.otherGp.caller.access.breakGlass({ patientId: w.patient.id, reason: REASON });
    await w.otherGp.caller.patients.get({ patientId: w.patient.id });

    const log = await w.carer.caller.carer.accessLog({ patientId: w.patient.id, organisationId: w.orgs.otherPractice.id } as never);
    const text = JSON.stringify(log);
    for (const leak of [REASON, 'Dr A', 'Dr B', 'Practice A', 'Practice B', 'Nav team', 'gp_staff', 'Nadia', 'GP staff'])
      expect(text).not.toContain(leak);
    expect(log).not.toHaveProperty('organisations');
    // The organisation filter is gone for carers: every organisation's accesses are listed.
    expect(log.items.some((a) => a.by === 'a GP practice' && !a.emergency)).toBe(true);
    expect(log.items.some((a) => a.by === 'emergency access by a GP practice' && a.emergency)).toBe(true);
    expect(log.items.some((a) => a.by === 'a care navigation team')).toBe(true);

    // Staff still see names, organisations and the reason.
    const staff = JSON.stringify(await w.navigator.caller.access.log({ patientId: w.patient.id }));
    for (const shown of [REASON, 'Dr A', 'Dr B', 'Practice B']) expect(staff).toContain(shown);
  });
});
