import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, discharges, mdtChosen, mdtDiscussions, referrals, services, tasks, timelineEvents } from '../../db/schema';
import {
  insertCareTeamMember,
  insertConsent,
  insertOrganisation,
  insertPatient,
  insertUser,
  mdtDiscussionRow,
  taskRow,
} from '../../db/factories';
import { mdtSignalTriggers, RECOMPUTE_MDT_SIGNALS } from '../../db/mdt-signals';
import { createCaller } from '../trpc/app-router';
import { newId } from '../ids';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';
import { mdtWorklist } from './mdt-worklist';
import { RecordMeetingSchema } from './record-meeting';
import { parseForm } from '../trpc/form-result';

const D = 86_400_000;
let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * D).toISOString().slice(0, 10);

beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

/** Someone on the navigator's team caseload, in touch yesterday unless `extra` says otherwise. */
const person = async (now: number, familyName: string, extra: Partial<Parameters<typeof insertPatient>[1]> = {}) =>
  await insertPatient(db, {
    familyName,
    registeredPracticeId: w.orgs.practice.id,
    caseloadOrganisationId: w.orgs.navTeam.id,
    namedContactUserId: w.navigator.row.id,
    lastContactAt: now - D,
    ...extra,
  });

describe('MDT worklist', () => {
  it('lists people needing discussion with the reason each is there; others are left off', async () => {
    const now = Date.now();
    const quiet = await person(now, 'Quiet');
    const high = await person(now, 'High', { riskLevel: 'high' });
    const overdue = await person(now, 'Overdue');
    await db
      .insert(tasks)
      .values({
        id: newId(),
        patientId: overdue.id,
        title: 't',
        assigneeOrganisationId: w.orgs.navTeam.id,
        dueAt: now - D,
        origin: 'manual',
        createdByUserId: w.navigator.row.id,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const declined = await person(now, 'Declined');
    const serviceId = newId();
    await db
      .insert(services)
      .values({
        id: serviceId,
        name: 'S',
        providerName: 'S',
        organisationId: w.orgs.housing.id,
        category: 'housing',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    await db
      .insert(referrals)
      .values({
        id: newId(),
        patientId: declined.id,
        serviceId,
        toOrganisationId: w.orgs.housing.id,
        fromUserId: w.navigator.row.id,
        reason: 'r',
        urgency: 'soon',
        personWants: 'w',
        aboutMeReused: true,
        status: 'declined',
        targetAt: now,
        sentAt: now - 2 * D,
        closedAt: now - D,
        updatedAt: now,
      })
      .run();
    const home = await person(now, 'Home');
    await db
      .insert(discharges)
      .values({
        id: newId(),
        patientId: home.id,
        flaggedByUserId: w.hospitalStaff.row.id,
        flaggerContact: 'x',
        hospital: 'H',
        expectedDate: '2026-01-01',
        pathway: 1,
        riskLevel: 'medium',
        concern: 'c',
        ask: 'a',
        carerConsulted: true,
        followUpHours: 24,
        status: 'home',
        homeAt: now - 2 * D,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const silent = await person(now, 'Silent', { lastContactAt: now - 31 * D });
    const list = (await mdtWorklist(db, w.navigator.actor, {}, now)).rows;
    const reasons = Object.fromEntries(list.map((r) => [r.id, r.reasons.map((x) => x.words)]));
    expect(reasons[quiet.id]).toBeUndefined();
    expect(reasons[high.id]).toEqual(['High risk']);
    expect(reasons[overdue.id]).toEqual(['1 overdue task']);
    expect(reasons[declined.id]).toEqual(['Referral declined in the last 30 days']);
    expect(reasons[home.id]).toEqual(['Home from hospital in the last 7 days']);
    expect(reasons[silent.id]).toEqual(['No contact in 30 days']);
    // Margaret (from the world) has no contact recorded at all.
    expect(reasons[w.patient.id]).toEqual(['No contact recorded']);
  });
});

describe('MDT meetings', () => {
  it('records a meeting and a discussion: the note goes on the timeline and each action becomes an MDT task with its owner', async () => {
    const { id: meetingId } = await w.navigator.caller.mdt.recordMeeting({
      heldOn: today(),
      attendees: 'Nadia Navigator\nDr A (GP)\nSocial S',
    });
    const assignees = await w.navigator.caller.tasks.assignees({ patientId: w.patient.id });
    const owner = assignees.find((a) => a.userId === w.navigator2.row.id) ?? assignees.find((a) => a.userId)!;
    const result = await w.navigator.caller.mdt.recordDiscussion({
      patientId: w.patient.id,
      meetingId,
      note: 'Falls risk rising; daughter struggling',
      actions: [
        { title: 'Refer to falls clinic', assignee: owner.value, dueDate: inDays(7) },
        { title: '', assignee: '', dueDate: '' },
      ],
    });
    expect(result.taskIds).toHaveLength(1);
    const task = (await db.select().from(tasks).where(eq(tasks.id, result.taskIds[0]!)).get())!;
    expect(task).toMatchObject({ origin: 'mdt', title: 'Refer to falls clinic', assigneeUserId: owner.userId, mdtDiscussionId: result.id });
    const event = (await db.select().from(timelineEvents).where(eq(timelineEvents.kind, 'mdt_discussed')).get())!;
    expect(event.body).toBe('Falls risk rising; daughter struggling');
    const meeting = await w.navigator.caller.mdt.meeting({ meetingId });
    expect(meeting.attendees).toEqual(['Nadia Navigator', 'Dr A (GP)', 'Social S']);
    expect(meeting.discussions[0]!.actions.map((a) => a.title)).toEqual(['Refer to falls clinic']);
  });

  it('refuses bad input naming the field, writing nothing; another team cannot see or use the meeting', async () => {
    const before = await rowCounts(db);
    expect((await failure(w.navigator.caller.mdt.recordMeeting({ heldOn: inDays(3), attendees: 'A' }))).message).toMatch(
      /Date of the meeting cannot be in the future/,
    );
    expect((await failure(w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: '' }))).message).toMatch(
      /attendees: Enter who was at the meeting, one person per line/,
    );
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses a meeting with nobody attending, naming the attendees field (#17 item 21)', async () => {
    const before = await rowCounts(db);
    for (const attendees of ['', '  \n \n', 'None', 'nobody', '-\n—', 'n/a']) {
      const refused = await failure(w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees }));
      expect(refused.message, JSON.stringify(attendees)).toBe('attendees: Enter who was at the meeting, one person per line');
    }
    // A line that names nobody among people is refused too, so the list is only people.
    expect((await failure(w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator\n-' }))).message).toMatch(
      /^attendees: Enter a person on each line/,
    );
    // The form gets the message at the attendees field, with nothing written.
    const form = parseForm(RecordMeetingSchema, { heldOn: today(), attendees: 'none' });
    expect(form.ok).toBe(false);
    expect(!form.ok && form.result.fieldErrors).toEqual({ attendees: ['Enter who was at the meeting, one person per line'] });
    expect(await rowCounts(db)).toEqual(before);
    // Someone at the meeting: accepted.
    await w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator\nDr A (GP)' });
  });

  it('refuses bad input for a discussion, writing nothing; another team cannot see or use the meeting', async () => {
    const before = await rowCounts(db);
    const { id: meetingId } = await w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator' });
    const afterMeeting = await rowCounts(db);
    // Sent again (a double click, or Back and send): the same meeting, not a second (#17 item 21).
    expect(await w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator' })).toEqual({ id: meetingId });
    expect(await rowCounts(db)).toEqual(afterMeeting);
    const half = await failure(
      w.navigator.caller.mdt.recordDiscussion({
        patientId: w.patient.id,
        meetingId,
        note: 'n',
        actions: [{ title: 'Call', assignee: '', dueDate: '' }],
      }),
    );
    expect(half.message).toMatch(/Owner: choose the person who will do it/);
    expect(
      (await failure(w.navigator.caller.mdt.recordDiscussion({ patientId: w.patient.id, meetingId, note: '  ', actions: [] }))).message,
    ).toMatch(/note: Enter what was discussed/);
    expect(await rowCounts(db)).toEqual(afterMeeting);
    expect(before.tasks).toBe(afterMeeting.tasks);
    expect((await failure(w.socialWorker.caller.mdt.meeting({ meetingId }))).code).toBe('FORBIDDEN');
    const otherTeam = await w.addUser('navigator', w.orgs.practice.id, 'primary', 'Elsewhere');
    expect((await failure(otherTeam.caller.mdt.meeting({ meetingId }))).code).toBe('NOT_FOUND');
  });
});

describe('wellbeing (ONS4)', () => {
  it('records a baseline then a follow-up, each 0–10, naming the field when out of range', async () => {
    const before = await rowCounts(db);
    const bad = await failure(
      w.navigator.caller.wellbeing.record({
        patientId: w.patient.id,
        kind: 'baseline',
        lifeSatisfaction: 11,
        worthwhile: 5,
        happiness: -1,
        anxiety: 'x',
        answeredOn: today(),
      }),
    );
    expect(bad.message).toMatch(/lifeSatisfaction: Life satisfaction: choose a score from 0 to 10/);
    expect(bad.message).toMatch(/happiness: Happiness: choose a score from 0 to 10/);
    expect(bad.message).toMatch(/anxiety: Anxiety: choose a score from 0 to 10/);
    expect(
      (
        await failure(
          w.navigator.caller.wellbeing.record({
            patientId: w.patient.id,
            kind: 'follow_up',
            lifeSatisfaction: 5,
            worthwhile: 5,
            happiness: 5,
            anxiety: 5,
            answeredOn: today(),
          }),
        )
      ).message,
    ).toMatch(/Record a baseline before a follow-up/);
    expect(await rowCounts(db)).toEqual(before);
    await w.navigator.caller.wellbeing.record({
      patientId: w.patient.id,
      kind: 'baseline',
      lifeSatisfaction: 4,
      worthwhile: 5,
      happiness: 6,
      anxiety: 7,
      answeredOn: today(),
    });
    await w.navigator.caller.wellbeing.record({
      patientId: w.patient.id,
      kind: 'follow_up',
      lifeSatisfaction: 6,
      worthwhile: 6,
      happiness: 7,
      anxiety: 3,
      answeredOn: today(),
    });
    expect((await w.navigator.caller.wellbeing.list({ patientId: w.patient.id })).map((s) => s.kind).sort()).toEqual([
      'baseline',
      'follow_up',
    ]);
    expect((await failure(w.otherGp.caller.wellbeing.list({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
  });
});

describe('a meeting shows each person’s discussion only to those who may open that person (pen test #16, finding 21)', () => {
  it('a navigator of the team does not see the note about a person now on another team’s caseload', async () => {
    const { id: meetingId } = await w.navigator.caller.mdt.recordMeeting({ heldOn: '2026-01-05', attendees: 'Nadia Navigator' });
    const elsewhere = await insertOrganisation(db, { name: 'North team', kind: 'navigator_team' });
    const moved = await insertPatient(db, {
      givenName: 'Hidden',
      familyName: 'Person',
      registeredPracticeId: w.orgs.otherPractice.id,
      caseloadOrganisationId: elsewhere.id,
    });
    for (const [patientId, note] of [
      [w.patient.id, 'Margaret: plan agreed'],
      [moved.id, 'SECRET: memory clinic result'],
    ] as const) {
      await db
        .insert(mdtDiscussions)
        .values(mdtDiscussionRow({ meetingId, patientId, recordedByUserId: w.navigator.row.id, note }))
        .run();
    }
    const meeting = await w.navigator2.caller.mdt.meeting({ meetingId });
    expect(meeting.discussions.map((d) => d.note)).toEqual(['Margaret: plan agreed']);
    expect(meeting.notShown).toBe(1);
    expect(JSON.stringify(meeting)).not.toMatch(/SECRET|Hidden/);
  });
});

describe('MDT worklist at the size of a team (#18)', () => {
  const seedTeam = async () => {
    const now = Date.now();
    const overdueTask = async (patientId: string) =>
      await db
        .insert(tasks)
        .values(taskRow({ patientId, assigneeOrganisationId: w.orgs.navTeam.id, createdByUserId: w.navigator.row.id, dueAt: now - D }))
        .run();
    // Three reasons (high risk, overdue task, no contact), two (high risk, no contact) and one each, by risk and last contact.
    const three = await person(now, 'Three', { riskLevel: 'high', lastContactAt: now - 40 * D });
    await overdueTask(three.id);
    const twoLonger = await person(now, 'TwoLonger', { riskLevel: 'high', lastContactAt: now - 60 * D });
    const twoShorter = await person(now, 'TwoShorter', { riskLevel: 'high', lastContactAt: now - 35 * D });
    const oneHigh = await person(now, 'OneHigh', { riskLevel: 'high' });
    const oneMedium = await person(now, 'OneMedium', { riskLevel: 'medium', lastContactAt: now - 31 * D });
    const oneLow = await person(now, 'OneLow', { riskLevel: 'low', lastContactAt: null, namedContactUserId: w.navigator2.row.id });
    const quiet = await person(now, 'Quiet');
    return { now, three, twoLonger, twoShorter, oneHigh, oneMedium, oneLow, quiet };
  };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('ranks most reasons first, then highest risk, then longest without contact', async () => {
    const t = await seedTeam();
    const list = await mdtWorklist(db, w.navigator.actor, {}, t.now);
    // Margaret (from the world) has no contact recorded and medium risk: one reason, after the medium-risk person who had contact 31 days ago.
    expect(ids(list.rows)).toEqual([t.three.id, t.twoLonger.id, t.twoShorter.id, t.oneHigh.id, w.patient.id, t.oneMedium.id, t.oneLow.id]);
    expect(list.nextCursor).toBeNull();
    expect(ids(list.rows)).not.toContain(t.quiet.id);
  });

  it('pages by keyset: every person exactly once, in rank order, each page ranked at the moment of the first', async () => {
    const t = await seedTeam();
    const all = ids((await mdtWorklist(db, w.navigator.actor, {}, t.now)).rows);
    const seen: string[] = [];
    let after: string | null | undefined;
    // Each later page is asked for a day on: someone crossing a line meanwhile (30 days without
    // contact) must neither be skipped nor shown twice.
    // Crosses 30 days without contact half an hour after the first page: not on the list it made.
    const crossing = await person(t.now, 'Crossing', { lastContactAt: t.now - 30 * D + 30 * 60_000 });
    expect(all).not.toContain(crossing.id);
    let asked = t.now;
    do {
      const page = await mdtWorklist(db, w.navigator.actor, { after: after ?? undefined }, asked, 2);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.rows));
      after = page.nextCursor;
      asked += 3_600_000;
    } while (after);
    expect(seen).toEqual(all);
    // The cursor is sealed: it reads as nothing, an edited one is told at the page field, and an old one starts again.
    const cursor = (await mdtWorklist(db, w.navigator.actor, {}, t.now, 2)).nextCursor!;
    expect(cursor).not.toContain(t.twoLonger.id);
    const edited = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(mdtWorklist(db, w.navigator.actor, { after: edited }, t.now)).rejects.toThrow('this page of the list cannot be found');
    await expect(mdtWorklist(db, w.navigator.actor, { after: cursor }, t.now + 13 * 3_600_000)).rejects.toThrow('the list has changed');
  });

  it('filters by reason, named contact and a sector on the care team', async () => {
    const t = await seedTeam();
    await insertCareTeamMember(db, {
      patientId: t.oneMedium.id,
      organisationId: w.orgs.socialCare.id,
      organisationName: 'Adult social care',
    });
    // Someone removed from the care team no longer counts.
    await insertCareTeamMember(db, {
      patientId: t.oneHigh.id,
      organisationId: w.orgs.socialCare.id,
      organisationName: 'x',
      removedAt: t.now - D,
    });
    const filtered = async (input: Parameters<typeof mdtWorklist>[2]) => ids((await mdtWorklist(db, w.navigator.actor, input, t.now)).rows);
    expect(await filtered({ reason: 'overdueTasks' })).toEqual([t.three.id]);
    expect(await filtered({ reason: 'highRisk' })).toEqual([t.three.id, t.twoLonger.id, t.twoShorter.id, t.oneHigh.id]);
    expect(await filtered({ namedContactUserId: w.navigator2.row.id })).toEqual([t.oneLow.id]);
    // Margaret (from the world) has her social worker on her care team.
    expect(await filtered({ sector: 'social' })).toEqual([w.patient.id, t.oneMedium.id]);
    // A filter value not on offer is told at its field, and nothing is listed.
    const notOnTeam = await failure(w.navigator.caller.mdt.worklist({ namedContactUserId: w.hospitalStaff.row.id }));
    expect(notOnTeam.code).toBe('BAD_REQUEST');
    expect(notOnTeam.message).toContain('Named contact: choose someone on your team');
    expect(await failure(w.navigator.caller.mdt.worklist({ reason: 'lonely' as never }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('keeps each person’s signals as tasks, referrals and discharges change, equal to working them out afresh', async () => {
    await seedTeam();
    const assignees = await w.navigator.caller.tasks.assignees({ patientId: w.patient.id });
    const { id: taskId } = await w.navigator.caller.tasks.create({
      patientId: w.patient.id,
      title: 'Ring the pharmacy',
      assignee: assignees.find((a) => a.userId === w.navigator.row.id)!.value,
      dueDate: inDays(2),
    });
    const signals = () =>
      db.all(
        sql`select id, mdt_task_due_at, mdt_declined_at, mdt_referral_target_at, mdt_home_at, mdt_care_team_sectors from patients order by id`,
      );
    const signal = async (column: 'mdt_care_team_sectors' | 'mdt_task_due_at') =>
      (await db.get<Record<string, number | null>>(sql`select ${sql.identifier(column)} as v from patients where id = ${w.patient.id}`)).v;
    // The same SQL works the signals out afresh on both engines (drizzle-pg/0004_mdt_signals.sql).
    const recompute = () => db.run(sql.raw(RECOMPUTE_MDT_SIGNALS));
    // Care team members joining and leaving, and an organisation's sector changing, move the sector bits.
    const member = await insertCareTeamMember(db, { patientId: w.patient.id, organisationId: w.orgs.voluntary.id, organisationName: 'V' });
    expect(Number(await signal('mdt_care_team_sectors')) & 16).toBe(16);
    await db.run(sql`update care_team_members set removed_at = ${Date.now()} where id = ${member.id}`);
    await db.run(sql`update organisations set sector = 'community' where id = ${w.orgs.voluntary.id}`);
    const kept0 = await signals();
    await recompute();
    expect(await signals()).toEqual(kept0);
    expect(await signal('mdt_task_due_at')).toBeGreaterThan(Date.now());
    await w.navigator.caller.tasks.complete({ taskId, outcome: 'Done and dusted' });
    expect(await signal('mdt_task_due_at')).toBeNull();
    const kept = await signals();
    await recompute();
    expect(await signals()).toEqual(kept);
  });
});

describe('the MDT worklist tells nothing of people the policy hides (#18 review)', () => {
  it('leaves out a person the policy refuses, records the refusal, and its cursor reads as nothing', async () => {
    const team = await insertOrganisation(db, { name: 'Age UK navigators', kind: 'voluntary' });
    const row = await insertUser(db, { role: 'navigator', organisationId: team.id, name: 'Vic Voluntary' });
    const caller = createCaller({
      db,
      actor: { userId: row.id, name: 'Vic Voluntary', role: 'navigator', organisationId: team.id, sector: 'voluntary' },
    });
    const now = Date.now();
    const onTeam = async (familyName: string, riskLevel: 'high' | 'medium') =>
      await insertPatient(db, {
        familyName,
        riskLevel,
        registeredPracticeId: w.orgs.practice.id,
        caseloadOrganisationId: team.id,
        lastContactAt: now - 40 * D,
      });
    const agreed = await onTeam('Agreed', 'medium');
    await insertConsent(db, {
      patientId: agreed.id,
      purpose: 'voluntary_services',
      decision: 'granted',
      recordedByUserId: row.id,
      decidedAt: now - D,
    });
    const refused = await onTeam('Refused', 'high');
    await insertConsent(db, {
      patientId: refused.id,
      purpose: 'voluntary_services',
      decision: 'refused',
      recordedByUserId: row.id,
      decidedAt: now - D,
    });
    const list = await caller.mdt.worklist({});
    expect(list.rows.map((r) => r.id)).toEqual([agreed.id]);
    expect(list).not.toHaveProperty('total');
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'mdt.worklist')).all();
    expect(rows.map((r) => [r.patientId, r.outcome])).toEqual(
      expect.arrayContaining([
        [refused.id, 'denied'],
        [agreed.id, 'granted'],
      ]),
    );
  });
});

describe('an MDT meeting discusses the people chosen for it, not the whole list (#18)', () => {
  it('chooses people from the worklist, shows only them to discuss, and takes one off before discussion', async () => {
    const other = await insertPatient(db, {
      familyName: 'Chosen',
      riskLevel: 'high',
      registeredPracticeId: w.orgs.practice.id,
      caseloadOrganisationId: w.orgs.navTeam.id,
      namedContactUserId: w.navigator.row.id,
    });
    await insertPatient(db, {
      familyName: 'NotChosen',
      riskLevel: 'high',
      registeredPracticeId: w.orgs.practice.id,
      caseloadOrganisationId: w.orgs.navTeam.id,
    });
    const { id: meetingId } = await w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator\nDr A (GP)' });
    expect((await w.navigator.caller.mdt.meeting({ meetingId })).toDiscuss).toEqual([]);
    expect(await w.navigator.caller.mdt.choosePeople({ meetingId, patientIds: [other.id, w.patient.id, other.id] })).toEqual({ added: 2 });
    // Chosen again: nothing changes.
    expect(await w.navigator.caller.mdt.choosePeople({ meetingId, patientIds: [other.id] })).toEqual({ added: 0 });
    const meeting = await w.navigator.caller.mdt.meeting({ meetingId });
    expect(meeting.toDiscuss.map((p) => p.name)).toEqual([`Test Chosen`, 'Margaret Thompson']);
    expect(meeting.toDiscuss[0]!.reasons.map((r) => r.reason)).toContain('highRisk');
    // The worklist, opened to choose for this meeting, says who is already chosen.
    const choosing = await w.navigator.caller.mdt.worklist({ meetingId });
    expect(choosing.meeting).toEqual({ id: meetingId, heldOn: today() });
    expect(choosing.rows.find((r) => r.id === other.id)?.chosen).toBe(true);
    expect(choosing.rows.some((r) => r.name.endsWith('NotChosen') && r.chosen === false)).toBe(true);

    await w.navigator.caller.mdt.recordDiscussion({ meetingId, patientId: w.patient.id, note: 'Discussed', actions: [] });
    expect((await w.navigator.caller.mdt.meeting({ meetingId })).toDiscuss.map((p) => p.id)).toEqual([other.id]);
    // Once discussed, the record stands.
    expect(await failure(w.navigator.caller.mdt.unchoosePerson({ meetingId, patientId: w.patient.id }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await w.navigator.caller.mdt.unchoosePerson({ meetingId, patientId: other.id })).toEqual({ removed: true });
    expect((await w.navigator.caller.mdt.meeting({ meetingId })).toDiscuss).toEqual([]);
  });

  it('refuses to choose anyone the navigator may not take to the MDT, adding nobody; refuses an empty choice naming the field', async () => {
    const { id: meetingId } = await w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator' });
    const elsewhere = await insertOrganisation(db, { kind: 'navigator_team', sector: 'primary', name: 'Elsewhere team' });
    const stranger = await insertPatient(db, { registeredPracticeId: w.orgs.otherPractice.id, caseloadOrganisationId: elsewhere.id });
    const before = await rowCounts(db);
    expect(await failure(w.navigator.caller.mdt.choosePeople({ meetingId, patientIds: [w.patient.id, stranger.id] }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const nobody = await failure(w.navigator.caller.mdt.choosePeople({ meetingId, patientIds: [] }));
    expect(nobody.code).toBe('BAD_REQUEST');
    expect(nobody.message).toContain('People to discuss: choose at least one person');
    const after = await rowCounts(db);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(await db.select().from(mdtChosen).all()).toEqual([]);
  });

  it('refuses someone of another team’s caseload, even one the navigator may open through their care team', async () => {
    const { id: meetingId } = await w.navigator.caller.mdt.recordMeeting({ heldOn: today(), attendees: 'Nadia Navigator' });
    const elsewhere = await insertOrganisation(db, { kind: 'navigator_team', sector: 'primary', name: 'Elsewhere team' });
    const theirs = await insertPatient(db, {
      registeredPracticeId: w.orgs.practice.id,
      caseloadOrganisationId: elsewhere.id,
      riskLevel: 'high',
    });
    await insertCareTeamMember(db, {
      patientId: theirs.id,
      userId: w.navigator.row.id,
      name: 'N',
      organisationId: w.orgs.navTeam.id,
      organisationName: 'Nav',
    });
    expect((await w.navigator.caller.patients.get({ patientId: theirs.id })).patient.id).toBe(theirs.id);
    expect(await failure(w.navigator.caller.mdt.choosePeople({ meetingId, patientIds: [theirs.id] }))).toMatchObject({ code: 'FORBIDDEN' });
    const refusal = (await db.select().from(auditLog).where(eq(auditLog.action, 'mdt.choosePeople')).all()).at(-1)!;
    expect(refusal).toMatchObject({ patientId: theirs.id, outcome: 'denied', rule: 'not_on_team_caseload' });
    expect(await db.select().from(mdtChosen).all()).toEqual([]);
  });
});

describe('the MDT signals are kept by the database', () => {
  it('has every trigger after migrating: a table rebuilt by a later migration must make them again', async () => {
    const triggers =
      db.$engine === 'postgres'
        ? await db.all<{ name: string }>(sql`select tgname as name from pg_trigger where not tgisinternal and tgname like ${'%\\_mdt\\_%'}`)
        : mdtSignalTriggers(db.$client);
    expect(triggers.map((t) => t.name).sort()).toEqual([
      'care_team_members_mdt_delete',
      'care_team_members_mdt_insert',
      'care_team_members_mdt_update',
      'discharges_mdt_delete',
      'discharges_mdt_insert',
      'discharges_mdt_update',
      'organisations_mdt_sector',
      'referrals_mdt_delete',
      'referrals_mdt_insert',
      'referrals_mdt_update',
      'tasks_mdt_delete',
      'tasks_mdt_insert',
      'tasks_mdt_update',
    ]);
  });
});
