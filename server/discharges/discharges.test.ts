import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, discharges, emailOutbox, notifications, patients, tasks, timelineEvents } from '../../db/schema';
import type { Db } from '../../db/client';
import { dischargeRow as newDischargeRow, insertOrganisation, insertPatient, testNhsNumber } from '../../db/factories';
import { DISCHARGES_PAGE_SIZE } from './list-discharges';
import { checklistProgress } from './discharge-fields';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';
import { todayInEngland } from '../calendar/england-time';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const HOUR = 3_600_000;

function flagInput(overrides: Record<string, unknown> = {}) {
  return {
    nhsNumber: w.patient.nhsNumber,
    dateOfBirth: w.patient.dateOfBirth,
    flaggerContact: 'Ward 7 discharge desk, ext 4471',
    hospital: 'Riverside General',
    ward: 'Ward 7',
    expectedDate: todayInEngland(),
    pathway: 1,
    riskLevel: 'high',
    concern: 'Lives alone; new care package not confirmed',
    ask: 'Visit within a day of getting home',
    careVisitsPerDay: 2,
    careProvider: 'Helping Hands',
    carerConsulted: 'yes',
    ...overrides,
  } as never;
}

const tasksOf = async (dischargeId: string) => await db.select().from(tasks).where(eq(tasks.dischargeId, dischargeId)).all();
const followUpOf = async (dischargeId: string) => (await tasksOf(dischargeId)).find((t) => t.isFollowUp)!;
const dischargeRow = async (id: string) => (await db.select().from(discharges).where(eq(discharges.id, id)).get())!;

/** Picks up and completes every checklist task except the follow-up, as the navigator. */
async function workChecklist(dischargeId: string) {
  for (const task of (await tasksOf(dischargeId)).filter((t) => !t.isFollowUp)) {
    await w.navigator.caller.tasks.pickUp({ taskId: task.id });
    await w.navigator.caller.tasks.complete({ taskId: task.id, outcome: '' });
  }
}

describe('flagging a discharge', () => {
  it('hospital staff flag by exact NHS number and date of birth: checklist in the caseload team queue, timeline, named contact told', async () => {
    const { id, patientId, createdRecord } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    expect(createdRecord).toBe(false);
    expect(patientId).toBe(w.patient.id);
    expect(await dischargeRow(id)).toMatchObject({
      status: 'flagged',
      pathway: 1,
      riskLevel: 'high',
      carerConsulted: true,
      careVisitsPerDay: 2,
      flaggedByUserId: w.hospitalStaff.row.id,
      followUpHours: 24,
    });
    const checklist = (await tasksOf(id)).sort((a, b) => a.position - b.position);
    expect(checklist.map((t) => t.title)).toEqual([
      'Care package confirmed',
      'Keys and access sorted',
      'Medication ready',
      'Equipment delivered',
      'Follow-up contact within 24 hours of getting home',
    ]);
    for (const t of checklist) {
      expect(t).toMatchObject({
        assigneeOrganisationId: w.orgs.navTeam.id,
        assigneeUserId: null,
        origin: 'discharge',
        status: 'open',
        priority: 'high',
      });
    }
    // The follow-up has no due time until the person is home.
    expect(checklist.at(-1)!.dueAt).toBeNull();
    expect(checklist[0]!.dueAt).toBeGreaterThan(0);
    const events = await db.select().from(timelineEvents).where(eq(timelineEvents.patientId, w.patient.id)).all();
    expect(events.filter((e) => e.kind === 'discharge_flagged')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'task_created')).toHaveLength(5);
    expect(events.every((e) => e.kind !== 'discharge_flagged' || e.sector === 'secondary')).toBe(true);
    const told = await db.select().from(notifications).where(eq(notifications.userId, w.navigator.row.id)).all();
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(/Risky discharge flagged for Margaret Thompson/);
    const email = (await db.select().from(emailOutbox).where(eq(emailOutbox.notificationId, told[0]!.id)).get())!;
    expect(email.toAddress).toBe(w.navigator.row.email);
    // Email is not a secure channel: no name, no health details.
    expect(email.body).not.toMatch(/Margaret|Thompson|Lives alone/);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, w.patient.id), eq(auditLog.userId, w.hospitalStaff.row.id)))
      .all();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.rule === 'identity_confirmed' && a.outcome === 'granted')).toBe(true);
  });

  it('answers a wrong date of birth for a real NHS number exactly as an unknown NHS number, writes nothing, and audits each try', async () => {
    const before = await rowCounts(db);
    const mismatch = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ dateOfBirth: '1950-05-05' })));
    const unknown = await failure(
      w.hospitalStaff.caller.discharges.flag(flagInput({ nhsNumber: testNhsNumber(777002), dateOfBirth: '1950-05-05' })),
    );
    expect(mismatch.code).toBe('BAD_REQUEST');
    expect(mismatch.message).toBe(unknown.message);
    expect(mismatch.message).toMatch(/^nhsNumber: No record matches this NHS number and date of birth/);
    // With a name and practice (to create the record), a real NHS number is still not given away by its date of birth.
    const creating = await failure(
      w.hospitalStaff.caller.discharges.flag(
        flagInput({ dateOfBirth: '1950-05-05', givenName: 'Mallory', familyName: 'Guess', registeredPracticeId: w.orgs.practice.id }),
      ),
    );
    expect(creating.code).toBe('BAD_REQUEST');
    expect(creating.message).toMatch(/^nhsNumber: /);
    expect(creating.message).not.toMatch(/date of birth does not match/i);
    expect(await rowCounts(db)).toEqual(before);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.hospitalStaff.row.id), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied.map((a) => [a.action, a.patientId, a.rule])).toEqual([
      ['discharges.flag', w.patient.id, 'identity_not_matched'],
      ['discharges.flag', null, 'identity_not_matched'],
      ['discharges.flag', w.patient.id, 'identity_not_matched'],
    ]);
  });

  it('when nobody matches, asks for the minimum and then creates the record on the practice’s navigator team caseload', async () => {
    const nhsNumber = testNhsNumber(777001);
    const error = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ nhsNumber, dateOfBirth: '1938-02-14' })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/nhsNumber: No record matches/);
    const partial = await failure(
      w.hospitalStaff.caller.discharges.flag(flagInput({ nhsNumber, dateOfBirth: '1938-02-14', givenName: 'Arthur' })),
    );
    expect(partial.message).toMatch(/familyName: Enter family name/);
    expect(partial.message).toMatch(/registeredPracticeId: Choose the person’s GP practice/);

    const result = await w.hospitalStaff.caller.discharges.flag(
      flagInput({
        nhsNumber,
        dateOfBirth: '1938-02-14',
        givenName: 'Arthur',
        familyName: 'Pendle',
        registeredPracticeId: w.orgs.otherPractice.id,
      }),
    );
    expect(result.createdRecord).toBe(true);
    const person = (await db.select().from(patients).where(eq(patients.id, result.patientId)).get())!;
    expect(person).toMatchObject({
      givenName: 'Arthur',
      familyName: 'Pendle',
      caseloadOrganisationId: w.orgs.navTeam.id,
      namedContactUserId: null,
      riskLevel: 'high',
    });
    // No named contact yet, so the team's navigators are told.
    const told = (await db.select().from(notifications).all()).map((n) => n.userId);
    expect(told.sort()).toEqual([w.navigator.row.id, w.navigator2.row.id].sort());
    // It lands on the team caseload for the navigators.
    const caseload = await w.navigator.caller.patients.caseload({ scope: 'team', sort: 'risk' });
    expect(caseload.rows.map((r) => r.id)).toContain(result.patientId);
  });

  it('gives a message at each missing or contradictory field and writes nothing', async () => {
    const before = await rowCounts(db);
    const missing = await failure(
      w.hospitalStaff.caller.discharges.flag(flagInput({ concern: ' ', ask: '', hospital: '', carerConsulted: undefined, pathway: '7' })),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    for (const field of ['concern', 'ask', 'hospitalId', 'carerConsulted', 'pathway']) expect(missing.message).toContain(`${field}:`);
    const contradictory = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 0, careVisitsPerDay: 3 })));
    expect(contradictory.message).toMatch(/careVisitsPerDay: Pathway 0 means no new support/);
    const noVisits = await failure(
      w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 1, careVisitsPerDay: 0, careProvider: 'Acme' })),
    );
    expect(noVisits.message).toMatch(/careVisitsPerDay: Pathway 1 means new support/);
    expect(noVisits.message).toMatch(/careProvider: Only give a care provider/);
    const longAgo = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ expectedDate: '2020-01-01' })));
    expect(longAgo.message).toMatch(/expectedDate: Expected date of discharge cannot be more than 14 days ago/);
    const badNhs = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ nhsNumber: '1234567890' })));
    expect(badNhs.message).toMatch(/nhsNumber:/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('GP staff flag for their registered patients only; the refusal is audited', async () => {
    await w.gp.caller.discharges.flag(flagInput());
    const before = await rowCounts(db);
    const error = await failure(w.otherGp.caller.discharges.flag(flagInput()));
    expect(error.code).toBe('FORBIDDEN');
    expect(await rowCounts(db)).toEqual(before);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.otherGp.row.id), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ patientId: w.patient.id, action: 'discharges.flag', rule: 'no_relationship' });
  });

  it('roles without the permission cannot flag', async () => {
    for (const who of [w.socialWorker, w.housingWorker, w.carer, w.admin]) {
      expect((await failure(who.caller.discharges.flag(flagInput()))).code).toBe('FORBIDDEN');
    }
  });
});

describe('what hospital staff can read', () => {
  it('the discharge they flagged, but nothing else of the record, and not a colleague’s flag', async () => {
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    const detail = await w.hospitalStaff.caller.discharges.get({ dischargeId: id });
    expect(detail.patient.givenName).toBe('Margaret');
    expect(detail.checklist).toHaveLength(5);
    expect(detail).not.toHaveProperty('patient.aboutWhatMatters');
    // One at a time (each started only when awaited), so no refusal goes unhandled while another is awaited.
    for (const call of [
      () => w.hospitalStaff.caller.patients.get({ patientId: w.patient.id }),
      () => w.hospitalStaff.caller.timeline.list({ patientId: w.patient.id }),
      () => w.hospitalStaff.caller.discharges.forPatient({ patientId: w.patient.id }),
      () => w.hospitalStaff.caller.timeline.add({ patientId: w.patient.id, type: 'note', text: 'x', occurredAt: Date.now() } as never),
    ]) {
      expect((await failure(call())).code).toBe('FORBIDDEN');
    }
    const checklistTask = (await tasksOf(id))[0]!;
    expect((await failure(w.hospitalStaff.caller.tasks.get({ taskId: checklistTask.id }))).code).toBe('FORBIDDEN');
    expect((await failure(w.hospitalStaff.caller.discharges.changeStatus({ dischargeId: id, to: 'planned' } as never))).code).toBe(
      'FORBIDDEN',
    );

    // A second hospital user who did not flag it cannot open it, and the attempt is audited.
    const colleague = await w.addUser('hospital_staff', w.orgs.hospital.id, 'secondary', 'Another Hospital User');
    expect((await failure(colleague.caller.discharges.get({ dischargeId: id }))).code).toBe('FORBIDDEN');
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, colleague.actor.userId), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied.map((d) => d.action)).toEqual(['discharges.get']);
    // Their worklist shows only what they flagged.
    expect((await w.hospitalStaff.caller.discharges.list({})).items.map((d) => d.id)).toEqual([id]);
    expect((await colleague.caller.discharges.list({})).items).toEqual([]);
  });
});

describe('status flow', () => {
  it('refuses illegal transitions with a message naming what can come next', async () => {
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    const skip = await failure(w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'followed_up' } as never));
    expect(skip.code).toBe('CONFLICT');
    expect(skip.message).toMatch(/flagged cannot be marked followed up\. Next it can be: planned or home or closed/);
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'planned' } as never);
    const back = await failure(w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'planned' } as never));
    expect(back.code).toBe('CONFLICT');
    expect((await dischargeRow(id)).status).toBe('planned');
  });

  it('"home" needs when they got home, and sets the follow-up due from that moment', async () => {
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    const before = await rowCounts(db);
    const missing = await failure(w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'home' } as never));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.message).toMatch(/homeAt: Enter when the person got home/);
    const future = await failure(
      w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'home', homeAt: Date.now() + 2 * HOUR } as never),
    );
    expect(future.message).toMatch(/homeAt: When they got home cannot be in the future/);
    expect(await rowCounts(db)).toEqual(before);

    const homeAt = Date.now() - 3 * HOUR;
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'home', homeAt } as never);
    expect(await dischargeRow(id)).toMatchObject({ status: 'home', homeAt });
    expect((await followUpOf(id)).dueAt).toBe(homeAt + 24 * HOUR);
    const event = (await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'discharge_status_changed')).get())!;
    expect(event.summary).toMatch(/^Home from hospital on /);
    expect(event.sector).toBe('primary');
  });

  it('uses the follow-up window the admin set when the discharge was flagged', async () => {
    await w.admin.caller.discharges.setFollowUpWindow({ hours: 48 });
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    expect((await followUpOf(id)).title).toBe('Follow-up contact within 48 hours of getting home');
    const homeAt = Date.now() - HOUR;
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'home', homeAt } as never);
    expect((await followUpOf(id)).dueAt).toBe(homeAt + 48 * HOUR);
  });

  it('"followed up" needs the follow-up done with an outcome; recording it closes the loop for the flagger', async () => {
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    await workChecklist(id);
    const followUp = await followUpOf(id);
    await w.navigator.caller.tasks.pickUp({ taskId: followUp.id });
    // Before the person is home there is nothing to follow up.
    const early = await failure(w.navigator.caller.tasks.complete({ taskId: followUp.id, outcome: 'Called' }));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/once the person has been marked home/);
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'home', homeAt: Date.now() - HOUR } as never);
    const byHand = await failure(w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'followed_up' } as never));
    expect(byHand.message).toMatch(/Record the follow-up contact first/);
    const noOutcome = await failure(w.navigator.caller.tasks.complete({ taskId: followUp.id, outcome: '  ' }));
    expect(noOutcome.code).toBe('BAD_REQUEST');
    expect(noOutcome.message).toMatch(/outcome: Enter the outcome of the follow-up contact/);
    expect((await followUpOf(id)).status).toBe('open');

    await w.navigator.caller.tasks.complete({ taskId: followUp.id, outcome: 'Visited: care package started, settled at home' });
    expect(await dischargeRow(id)).toMatchObject({
      status: 'followed_up',
      followedUpByUserId: w.navigator.row.id,
      followUpOutcome: 'Visited: care package started, settled at home',
    });
    // The follow-up was a contact with the person (#17 item 4): the caseload and the MDT worklist say so.
    const { patientId } = await dischargeRow(id);
    const person = (await w.navigator.caller.patients.caseload({})).rows.find((p) => p.id === patientId);
    expect(person?.lastContactAt).toBeGreaterThan(Date.now() - HOUR);
    // On the worklist as recently home, and no longer for want of contact.
    const entry = (await w.navigator.caller.mdt.worklist({})).rows.find((p) => p.id === patientId);
    expect(entry?.reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(['recentlyHome']));
    expect(entry?.reasons.map((r) => r.reason)).not.toContain('noContact');
    const [listed] = (await w.hospitalStaff.caller.discharges.list({ status: 'all' })).items;
    expect(listed).toMatchObject({
      status: 'followed_up',
      followedUpByName: 'Nadia Navigator',
      followUpOutcome: 'Visited: care package started, settled at home',
      tasksDone: 5,
      tasksTotal: 5,
    });
    const inbox = await w.hospitalStaff.caller.notifications.list({});
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]!.title).toMatch(/Margaret Thompson was followed up on .* by Nadia Navigator/);
    expect(inbox.items[0]!.body).toBe('Visited: care package started, settled at home');

    // Closing after the follow-up needs no reason; then nothing more can change.
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'closed' } as never);
    const afterClose = await failure(
      w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'home', homeAt: Date.now() } as never),
    );
    expect(afterClose.message).toMatch(/This discharge is closed/);
    const kinds = (
      await db.select({ kind: timelineEvents.kind }).from(timelineEvents).where(eq(timelineEvents.patientId, w.patient.id)).all()
    ).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'task_done')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'task_assigned')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'discharge_status_changed')).toHaveLength(3);
  });

  it('closing early needs a reason and cancels the unfinished tasks', async () => {
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    const before = await rowCounts(db);
    const noReason = await failure(w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'closed' } as never));
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.message).toMatch(/closedReason: Choose why the discharge is being closed/);
    const badReason = await failure(
      w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'closed', closedReason: 'Bored' } as never),
    );
    expect(badReason.message).toMatch(/closedReason: Choose a reason from the list/);
    expect(await rowCounts(db)).toEqual(before);
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'closed', closedReason: 'Readmitted to hospital' } as never);
    expect(await dischargeRow(id)).toMatchObject({ status: 'closed', closedReason: 'Readmitted to hospital' });
    expect((await tasksOf(id)).every((t) => t.status === 'cancelled')).toBe(true);
  });

  it('only the team whose checklist it is may close a discharge early (closing cancels their tasks)', async () => {
    const { id } = await w.gp.caller.discharges.flag(flagInput());
    const before = await rowCounts(db);
    const refused = await failure(
      w.gp.caller.discharges.changeStatus({ dischargeId: id, to: 'closed', closedReason: 'Readmitted to hospital' } as never),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Closing this discharge would cancel tasks another team has: ask Nav team to close it.');
    expect(await rowCounts(db)).toEqual(before);
    expect((await tasksOf(id)).every((t) => t.status === 'open')).toBe(true);
  });
});

describe('the checklist template (admin)', () => {
  it('admin adds, reorders and removes items; new flags use the template; the follow-up stays last and cannot go', async () => {
    const titles = async () => (await w.admin.caller.discharges.checklist()).map((i) => i.title);
    await w.admin.caller.discharges.addChecklistItem({ title: 'Heating on at home' });
    expect((await titles()).slice(-2)).toEqual(['Heating on at home', 'Follow-up contact after getting home']);
    const items = await w.admin.caller.discharges.checklist();
    await w.admin.caller.discharges.moveChecklistItem({ itemId: items.find((i) => i.title === 'Heating on at home')!.id, direction: 'up' });
    await w.admin.caller.discharges.removeChecklistItem({ itemId: items.find((i) => i.title === 'Keys and access sorted')!.id });
    expect(await titles()).toEqual([
      'Care package confirmed',
      'Medication ready',
      'Heating on at home',
      'Equipment delivered',
      'Follow-up contact after getting home',
    ]);
    const followUp = items.find((i) => i.kind === 'follow_up')!;
    const removeFollowUp = await failure(w.admin.caller.discharges.removeChecklistItem({ itemId: followUp.id }));
    expect(removeFollowUp.code).toBe('CONFLICT');
    const firstUp = await failure(w.admin.caller.discharges.moveChecklistItem({ itemId: items[0]!.id, direction: 'up' }));
    expect(firstUp.message).toBe('This item is already first.');
    const duplicate = await failure(w.admin.caller.discharges.addChecklistItem({ title: 'medication READY' }));
    expect(duplicate.code).toBe('CONFLICT');
    const window = await failure(w.admin.caller.discharges.setFollowUpWindow({ hours: '0' }));
    expect(window.message).toMatch(/hours: The follow-up window must be at least 1 hour/);

    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    expect((await tasksOf(id)).sort((a, b) => a.position - b.position).map((t) => t.title)).toEqual([
      'Care package confirmed',
      'Medication ready',
      'Heating on at home',
      'Equipment delivered',
      'Follow-up contact within 24 hours of getting home',
    ]);
    const audited = await db.select().from(auditLog).where(eq(auditLog.userId, w.admin.row.id)).all();
    // Reading the checklist and the refused changes are audited too; these are the changes made.
    expect(
      audited
        .filter((a) => a.outcome === 'granted' && a.action !== 'discharges.checklist' && !a.action.endsWith(':failed'))
        .map((a) => a.action),
    ).toEqual(['discharges.addChecklistItem', 'discharges.moveChecklistItem', 'discharges.removeChecklistItem']);
  });

  it('only admin can change it', async () => {
    for (const who of [w.navigator, w.gp, w.hospitalStaff]) {
      expect((await failure(who.caller.discharges.addChecklistItem({ title: 'Anything' }))).code).toBe('FORBIDDEN');
    }
  });
});

describe('checklists tailored to the pathway (#17 item 22)', () => {
  const titlesOf = async (dischargeId: string) => (await tasksOf(dischargeId)).sort((a, b) => a.position - b.position).map((t) => t.title);

  it('a pathway 0 discharge (home, no new support) gets no care-package or equipment tasks; pathway 1 gets them all', async () => {
    const home = await w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 0, careVisitsPerDay: 0, careProvider: '' }));
    expect(await titlesOf(home.id)).toEqual([
      'Keys and access sorted',
      'Medication ready',
      'Follow-up contact within 24 hours of getting home',
    ]);
    const supported = await w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 1 }));
    expect(await titlesOf(supported.id)).toEqual([
      'Care package confirmed',
      'Keys and access sorted',
      'Medication ready',
      'Equipment delivered',
      'Follow-up contact within 24 hours of getting home',
    ]);
    const careHome = await w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 3, careVisitsPerDay: 0, careProvider: '' }));
    expect(await titlesOf(careHome.id)).toEqual(['Medication ready', 'Follow-up contact within 24 hours of getting home']);
  });

  it('admin chooses the pathways of each item; new flags follow, the follow-up is for every pathway; bad input names the field', async () => {
    const items = await w.admin.caller.discharges.checklist();
    const medication = items.find((i) => i.title === 'Medication ready')!;
    const followUp = items.find((i) => i.kind === 'follow_up')!;
    expect(items.map((i) => i.pathways)).toEqual(['1', '01', '0123', '1', '0123']);
    await w.admin.caller.discharges.setChecklistItemPathways({ itemId: medication.id, pathways: [2, 0] });
    await w.admin.caller.discharges.addChecklistItem({ title: 'Bed booked in rehab unit', pathways: '2' });
    const before = await rowCounts(db);
    const none = await failure(w.admin.caller.discharges.setChecklistItemPathways({ itemId: medication.id, pathways: '' }));
    expect(none.message).toBe('pathways: Choose at least one pathway whose discharges get this item');
    const wrong = await failure(w.admin.caller.discharges.addChecklistItem({ title: 'X', pathways: [5] }));
    expect(wrong.message).toMatch(/^pathways/);
    const followUpOnly = await failure(w.admin.caller.discharges.setChecklistItemPathways({ itemId: followUp.id, pathways: [1] }));
    expect(followUpOnly.code).toBe('CONFLICT');
    expect(await rowCounts(db)).toEqual(before);

    const rehab = await w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 2, careVisitsPerDay: 0, careProvider: '' }));
    expect(await titlesOf(rehab.id)).toEqual([
      'Medication ready',
      'Bed booked in rehab unit',
      'Follow-up contact within 24 hours of getting home',
    ]);
    const supported = await w.hospitalStaff.caller.discharges.flag(flagInput({ pathway: 1 }));
    expect(await titlesOf(supported.id)).not.toContain('Medication ready');
    expect(await titlesOf(supported.id)).not.toContain('Bed booked in rehab unit');
    // Each change is audited in words.
    const details = (await db.select().from(auditLog).where(eq(auditLog.userId, w.admin.row.id)).all()).map((a) => a.reason);
    expect(details).toContain('set checklist item “Medication ready” for pathways 0 and 2');
    expect(details).toContain('added checklist item “Bed booked in rehab unit” for pathway 2');
  });

  it('never says "0 of 0 done": a checklist all cancelled, or none at all, says so', async () => {
    expect(checklistProgress({ done: 1, total: 3, cancelled: 0 })).toBe('1 of 3 done');
    expect(checklistProgress({ done: 0, total: 0, cancelled: 5 })).toBe('All 5 tasks cancelled');
    expect(checklistProgress({ done: 0, total: 0, cancelled: 0 })).toBe('No checklist tasks');
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput());
    await w.navigator.caller.discharges.changeStatus({ dischargeId: id, to: 'closed', closedReason: 'Readmitted to hospital' } as never);
    const [listed] = (await w.navigator.caller.discharges.list({ status: 'all' })).items;
    expect(listed).toMatchObject({ tasksDone: 0, tasksTotal: 0, tasksCancelled: 5 });
  });
});

describe('the hospital is chosen from the directory and remembered per user (#17 item 22)', () => {
  it('stores the chosen hospital; the flag form starts with the hospital this user chose last', async () => {
    const other = await insertOrganisation(db, { name: 'Northgate General Hospital', kind: 'hospital_trust' });
    const first = await w.hospitalStaff.caller.discharges.flagOptions();
    expect(first.hospitals.map((h) => h.name)).toEqual(['Hospital', 'Northgate General Hospital']);
    // Nothing flagged yet: their own hospital.
    expect(first.hospitalId).toBe(w.orgs.hospital.id);
    const { id } = await w.hospitalStaff.caller.discharges.flag(flagInput({ hospital: undefined, hospitalId: other.id }));
    expect(await dischargeRow(id)).toMatchObject({ hospital: 'Northgate General Hospital', hospitalOrganisationId: other.id });
    expect((await w.hospitalStaff.caller.discharges.flagOptions()).hospitalId).toBe(other.id);
    // Per user: a colleague's default is still their own hospital; a GP with no hospital and no flags has none.
    const colleague = await w.addUser('hospital_staff', w.orgs.hospital.id, 'secondary', 'Colleague');
    expect((await colleague.caller.discharges.flagOptions()).hospitalId).toBe(w.orgs.hospital.id);
    expect((await w.gp.caller.discharges.flagOptions()).hospitalId).toBe('');
  });

  it('refuses no hospital, or an organisation that is not a hospital, at the hospital field', async () => {
    const before = await rowCounts(db);
    const none = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ hospital: undefined, concern: '' })));
    expect(none.message).toContain('hospitalId: Choose the hospital the person is leaving');
    expect(none.message).toContain('concern:');
    const notHospital = await failure(
      w.hospitalStaff.caller.discharges.flag(flagInput({ hospital: undefined, hospitalId: w.orgs.practice.id })),
    );
    expect(notHospital.message).toBe('hospitalId: Choose a hospital from the list');
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('flagging for someone new from the form (#17 item 7)', () => {
  it('the name and GP practice are checked with every other field, whoever the NHS number is', async () => {
    const missing = await failure(
      w.hospitalStaff.caller.discharges.flag(flagInput({ nhsNumber: testNhsNumber(777003), newRecord: 'yes', concern: '' })),
    );
    for (const field of ['givenName', 'familyName', 'registeredPracticeId', 'concern']) expect(missing.message).toContain(`${field}:`);
    // The same answer for a real NHS number: nothing is looked up until the form is complete.
    const real = await failure(w.hospitalStaff.caller.discharges.flag(flagInput({ newRecord: 'yes', concern: '' })));
    expect(real.message).toBe(missing.message);
  });

  it('a right NHS number with a wrong date of birth gets one message naming both, at the NHS number, when creating', async () => {
    const values = {
      nhsNumber: w.patient.nhsNumber,
      dateOfBirth: '1950-05-05',
      newRecord: 'yes',
      givenName: 'Mallory',
      familyName: 'Guess',
      registeredPracticeId: w.orgs.practice.id,
    };
    const refused = await failure(w.hospitalStaff.caller.discharges.flag(flagInput(values)));
    expect(refused.message).toBe(
      'nhsNumber: No record matches this NHS number and date of birth, and a new record cannot be made with this NHS number: check both with the person or their notes',
    );
  });
});

describe('the discharge worklist, a page at a time', () => {
  it('pages by keyset: every discharge once, soonest expected first, ties by id, filters kept', async () => {
    const dates = ['2026-03-01', '2026-03-02', '2026-03-02', '2026-03-02', '2026-03-05'];
    const made: { id: string; expectedDate: string; riskLevel: 'high' | 'low' }[] = [];
    for (let i = 0; i < 30; i++) {
      const person = await insertPatient(db, {
        familyName: `Paged${i}`,
        registeredPracticeId: w.orgs.practice.id,
        caseloadOrganisationId: w.orgs.navTeam.id,
        namedContactUserId: w.navigator.row.id,
      });
      const row = newDischargeRow({
        patientId: person.id,
        flaggedByUserId: w.hospitalStaff.row.id,
        expectedDate: dates[i % dates.length]!,
        riskLevel: i % 3 === 0 ? 'high' : 'low',
      });
      await db.insert(discharges).values(row).run();
      made.push({ id: row.id, expectedDate: row.expectedDate, riskLevel: row.riskLevel as 'high' | 'low' });
    }
    const inOrder = (list: typeof made) =>
      [...list].sort((a, b) => a.expectedDate.localeCompare(b.expectedDate) || (a.id < b.id ? -1 : 1)).map((d) => d.id);
    const pages = async (input: { risk?: 'high' | ''; first?: number }) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let count = 0;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await w.navigator.caller.discharges.list({
          status: 'active',
          ...input,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(input.first ?? DISCHARGES_PAGE_SIZE);
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
        count++;
      } while (cursor && count < 50);
      return { seen, count };
    };
    // Margaret's own discharge from the world, if any, is on the list too: compare only the ones made here.
    const mine = new Set(made.map((d) => d.id));
    const all = await pages({});
    expect(all.count).toBe(2);
    expect(all.seen.filter((id) => mine.has(id))).toEqual(inOrder(made));
    expect(new Set(all.seen).size).toBe(all.seen.length);
    const high = await pages({ risk: 'high', first: 4 });
    expect(high.seen.filter((id) => mine.has(id))).toEqual(inOrder(made.filter((d) => d.riskLevel === 'high')));
  });
});
