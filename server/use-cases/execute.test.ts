import { describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { auditLog, careTeamMembers, namedContactHandoffs, notifications, patients, timelineEvents, users } from '../../db/schema';
import { insertOrganisation, insertPatient } from '../../db/factories';
import { Forbidden } from '../errors';
import { execute } from './execute';
import { idOnly, subject, write } from './define';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { createCaller } from '../trpc/app-router';
import type { ZodType } from 'zod';
import type { AnyUseCase } from './define';
import { USE_CASES, USE_CASES_BY_NAME } from './registry';

/** Every audit row `userId` left since `since` for `action`. */
async function rowsOf(db: ReturnType<typeof testDb>, userId: string, action: string, since: number) {
  return await db
    .select({ patientId: auditLog.patientId, outcome: auditLog.outcome, rule: auditLog.rule, reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.userId, userId), eq(auditLog.action, action), gt(auditLog.at, since)))
    .all();
}

describe('the declarations', () => {
  it('every use case is declared once, named by its API path, with a permission and a subject', () => {
    const names: string[] = [];
    for (const [area, cases] of Object.entries(USE_CASES)) {
      for (const [key, uc] of Object.entries(cases as Record<string, AnyUseCase>)) {
        expect(uc.name).toBe(`${area}.${key}`);
        expect(uc.permission).toBeTruthy();
        expect(uc.subject.kind).toBeTruthy();
        names.push(uc.name);
      }
    }
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(USE_CASES_BY_NAME).sort()).toEqual([...names].sort());
  });

  it('a use case about an object names the object in its input', () => {
    for (const uc of Object.values(USE_CASES_BY_NAME)) {
      if (!('key' in uc.subject)) continue;
      // Without the id the executor cannot find the subject: the input is refused before any decision.
      expect({ name: uc.name, parses: (uc.input as ZodType).safeParse({}).success }).toEqual({ name: uc.name, parses: false });
    }
  });
});

describe('the executor: one audit row per decision (pen test #16, finding 9 and the structural change)', () => {
  it('nobody signed in: UNAUTHORIZED, and nothing runs', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const before = (await db.select().from(auditLog).all()).length;
    expect((await failure(createCaller({ db, actor: null }).patients.get({ patientId: w.patient.id }))).code).toBe('UNAUTHORIZED');
    expect(await db.select().from(auditLog).all()).toHaveLength(before);
  });

  it('a read about one person: one granted row with the person; refused: one denied row with the person', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const since = Date.now() - 1;
    await w.navigator.caller.patients.get({ patientId: w.patient.id });
    expect(await rowsOf(db, w.navigator.row.id, 'patients.get', since)).toEqual([
      { patientId: w.patient.id, outcome: 'granted', rule: 'named_contact', reason: null },
    ]);
    expect((await failure(w.otherGp.caller.patients.get({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
    expect(await rowsOf(db, w.otherGp.row.id, 'patients.get', since)).toEqual([
      { patientId: w.patient.id, outcome: 'denied', rule: 'no_relationship', reason: null },
    ]);
  });

  it('a refused write is recorded as refused, with the person: never as granted', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const since = Date.now() - 1;
    // Wrong role for the write: denied at the gate, with the person the id named.
    await failure(w.hospitalStaff.caller.timeline.add({ patientId: w.patient.id, type: 'note', text: 'x', occurredAt: Date.now() }));
    expect(await rowsOf(db, w.hospitalStaff.row.id, 'timeline.add', since)).toEqual([
      { patientId: w.patient.id, outcome: 'denied', rule: 'no_permission', reason: null },
    ]);
    // Let through, then refused by its input: one failed row with the person, and nothing written.
    const events = (await db.select().from(timelineEvents).all()).length;
    const bad = await failure(w.navigator.caller.timeline.add({ patientId: w.patient.id, type: 'note', text: '', occurredAt: Date.now() }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(await rowsOf(db, w.navigator.row.id, 'timeline.add', since)).toEqual([
      { patientId: w.patient.id, outcome: 'failed', rule: 'invalid_input', reason: null },
    ]);
    expect(await db.select().from(timelineEvents).all()).toHaveLength(events);
  });

  it('a write that fails inside its transaction leaves no granted row and no change, only the failed row', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const since = Date.now() - 1;
    await w.navigator.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { phone: '0113 000 0001' } });
    const stale = await failure(
      w.navigator.caller.patients.update({ patientId: w.patient.id, expectedVersion: 1, changes: { phone: '0113 000 0002' } }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await rowsOf(db, w.navigator.row.id, 'patients.update', since)).toEqual([
      { patientId: w.patient.id, outcome: 'granted', rule: 'named_contact', reason: null },
      { patientId: w.patient.id, outcome: 'failed', rule: 'conflict', reason: null },
    ]);
    expect((await db.select().from(patients).where(eq(patients.id, w.patient.id)).get())!.phone).toBe('0113 000 0001');
  });

  it('a write to a record leaves one granted row, even when it adds several timeline events', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const since = Date.now() - 1;
    await w.navigator.caller.timeline.add({ patientId: w.patient.id, type: 'note', text: 'Called Margaret', occurredAt: Date.now() });
    expect(await rowsOf(db, w.navigator.row.id, 'timeline.add', since)).toHaveLength(1);
  });

  it('the inbox is audited against each person its notifications name', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const other = await insertPatient(db, { caseloadOrganisationId: w.orgs.navTeam.id, registeredPracticeId: w.orgs.practice.id });
    const note = async (title: string, link: string) =>
      await db
        .insert(notifications)
        .values({ id: crypto.randomUUID(), userId: w.navigator.row.id, kind: 'handoff', title, link, createdAt: Date.now() })
        .run();
    await note('About Margaret', `/patients/${w.patient.id}#timeline`);
    await note('About another', `/patients/${other.id}`);
    await note('Not about anyone', '/referrals');
    const since = Date.now() - 1;
    await w.navigator.caller.notifications.list({});
    const rows = await rowsOf(db, w.navigator.row.id, 'notifications.list', since);
    expect(rows.map((r) => r.patientId).sort()).toEqual([w.patient.id, other.id].sort());
    expect(rows.every((r) => r.outcome === 'granted')).toBe(true);
  });

  it('my hand-overs are audited against each person they name', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await db
      .insert(namedContactHandoffs)
      .values({
        id: crypto.randomUUID(),
        patientId: w.patient.id,
        fromUserId: w.navigator.row.id,
        toUserId: w.navigator2.row.id,
        status: 'pending',
        note: '',
        createdAt: Date.now(),
      })
      .run();
    const since = Date.now() - 1;
    const mine = await w.navigator2.caller.handoffs.mine();
    expect(mine).toHaveLength(1);
    expect(await rowsOf(db, w.navigator2.row.id, 'handoffs.mine', since)).toEqual([
      { patientId: w.patient.id, outcome: 'granted', rule: 'own', reason: null },
    ]);
  });

  it('an account on an administrator’s temporary password can do nothing but change it (audited)', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, w.navigator.row.id)).run();
    const caller = createCaller({ db, actor: { ...w.navigator.actor, mustChangePassword: true } });
    const since = Date.now() - 1;
    const refused = await failure(caller.patients.get({ patientId: w.patient.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/temporary password/);
    expect(await rowsOf(db, w.navigator.row.id, 'patients.get', since)).toEqual([
      { patientId: w.patient.id, outcome: 'denied', rule: 'must_change_password', reason: null },
    ]);
    // The one call open to them is reached (here refused by its own check of the current password).
    expect((await failure(caller.account.changePassword({ currentPassword: 'wrong', newPassword: 'x', confirmPassword: 'x' }))).code).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('a write is decided again inside its transaction', () => {
  it('refuses (and records as refused) a write whose access another request took away after the first decision', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const since = Date.now() - 1;
    const elsewhere = await insertOrganisation(db, { name: 'Another navigator team', kind: 'navigator_team', sector: 'primary' });
    let ran = false;
    // The look-up limit runs after the first decision and before the transaction: the person is moved
    // to another team there, as another request committing in between would.
    const touch = write({
      name: 'test.touch',
      permission: 'timeline.write',
      subject: subject.patient,
      input: idOnly('patientId', 'Person'),
      limit: {
        what: 'test writes',
        take: async () => {
          await db.transaction(async (tx) => {
            await tx
              .update(patients)
              .set({ caseloadOrganisationId: elsewhere.id, namedContactUserId: null })
              .where(eq(patients.id, w.patient.id))
              .run();
            await tx.update(careTeamMembers).set({ removedAt: Date.now() }).where(eq(careTeamMembers.patientId, w.patient.id)).run();
          });
          return null;
        },
      },
      run: () => {
        ran = true;
        return Promise.resolve();
      },
    });
    await expect(execute({ db, actor: w.navigator.actor }, touch, { patientId: w.patient.id })).rejects.toBeInstanceOf(Forbidden);
    expect(ran).toBe(false);
    const rows = await rowsOf(db, w.navigator.row.id, 'test.touch', since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ patientId: w.patient.id, outcome: 'denied' });
    // The same call, now that the move has happened, is refused at the first decision with the same rule.
    await expect(
      execute({ db, actor: w.navigator.actor }, { ...touch, limit: undefined }, { patientId: w.patient.id }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect((await rowsOf(db, w.navigator.row.id, 'test.touch', since))[1]).toEqual(rows[0]);
  });
});

describe.runIf(process.env.DATABASE_URL?.startsWith('postgres') ?? false)('a write retried after a conflict (PostgreSQL)', () => {
  it('is audited as the attempt that committed, never naming what an aborted attempt touched', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const other = await insertPatient(db, { registeredPracticeId: w.orgs.practice.id, caseloadOrganisationId: w.orgs.navTeam.id });
    const since = Date.now() - 1;
    let attempts = 0;
    const touch = write({
      name: 'test.retried',
      permission: 'timeline.write',
      subject: subject.patient,
      input: idOnly('patientId', 'Person'),
      run: ({ audit }) => {
        attempts++;
        if (attempts === 1) {
          // The first attempt reads someone else and a rule, then PostgreSQL refuses it as a serialisation failure.
          audit.people([other.id]);
          audit.rule('first_attempt_rule');
          audit.refused(other.id, 'first_attempt_refusal');
          return Promise.reject(Object.assign(new Error('could not serialize access'), { code: '40001' }));
        }
        return Promise.resolve();
      },
    });
    await execute({ db, actor: w.navigator.actor }, touch, { patientId: w.patient.id });
    expect(attempts).toBe(2);
    const rows = await rowsOf(db, w.navigator.row.id, 'test.retried', since);
    expect(rows).toEqual([expect.objectContaining({ patientId: w.patient.id, outcome: 'granted' })]);
    expect(rows.map((r) => r.rule)).not.toContain('first_attempt_rule');
    expect(rows.map((r) => r.patientId)).not.toContain(other.id);
  });
});
