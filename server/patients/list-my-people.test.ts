import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { insertCareTeamMember, insertPatient } from '../../db/factories';
import { auditLog } from '../../db/schema';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const names = (r: { rows: { givenName: string; familyName: string }[] }) => r.rows.map((p) => `${p.givenName} ${p.familyName}`);

describe('my people (a home page’s list)', () => {
  it('shows a GP the people registered at their practice, and whoever’s care team they are on, and nobody else', async () => {
    const other = await insertPatient(db, {
      givenName: 'Olive',
      familyName: 'Other',
      registeredPracticeId: w.orgs.otherPractice.id,
      caseloadOrganisationId: w.orgs.navTeam.id,
    });
    expect(names(await w.gp.caller.patients.mine())).toEqual(['Margaret Thompson']);
    expect(names(await w.otherGp.caller.patients.mine())).toEqual(['Olive Other']);
    await insertCareTeamMember(db, {
      patientId: other.id,
      userId: w.gp.row.id,
      name: 'Dr A',
      organisationId: w.orgs.practice.id,
      organisationName: 'A',
    });
    expect(names(await w.gp.caller.patients.mine())).toEqual(['Olive Other', 'Margaret Thompson']);
  });

  it('shows housing and social workers the people whose care team they are on, as the policy lets them open', async () => {
    await insertPatient(db, {
      givenName: 'Olive',
      familyName: 'Other',
      registeredPracticeId: w.orgs.practice.id,
      caseloadOrganisationId: w.orgs.navTeam.id,
    });
    for (const who of [w.housingWorker, w.socialWorker]) {
      expect(names(await who.caller.patients.mine())).toEqual(['Margaret Thompson']);
    }
    // On the care team, but with no consent to share with voluntary services: not shown.
    expect(names(await w.voluntaryWorker.caller.patients.mine())).toEqual([]);
  });

  it('audits each person shown, and is refused to roles that do not read records', async () => {
    await w.gp.caller.patients.mine();
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patients.mine'), eq(auditLog.userId, w.gp.row.id)))
      .all();
    expect(rows.map((r) => [r.patientId, r.outcome])).toEqual([[w.patient.id, 'granted']]);
    for (const who of [w.hospitalStaff, w.admin, w.carer]) expect((await failure(who.caller.patients.mine())).code).toBe('FORBIDDEN');
  });
});
