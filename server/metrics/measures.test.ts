import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/client';
import { discharges, namedContactHandoffs, referrals, services, tasks, wellbeingScores, SYSTEM_USER_ID } from '../../db/schema';
import { insertOrganisation, insertPatient, insertTimelineEvent } from '../../db/factories';
import { newId } from '../ids';
import { testDb } from '../../test/db';
import { failure, makeWorld } from '../../test/world';
import { computeMeasures, measureScope, type Measure } from './compute-measures';
import type { Actor } from '../access/actor';
import type { MeasuresInput } from './measure-input';
import { MEASURES, MEASURE_IDS } from './definitions';

const H = 3_600_000;
const D = 24 * H;
// February 2026: no clock change inside the period.
const T0 = Date.UTC(2026, 1, 2, 9); // Monday 2 February, 09:00
const NOW = Date.UTC(2026, 5, 1);
const FEBRUARY = { from: '2026-02-01', to: '2026-02-28', scope: 'team' as const, organisationId: '' };

let db: Db;
/** The measures computed afresh for what this actor may see. */
const measuresFor = (actor: Actor, input: Omit<MeasuresInput, 'measures'>) => computeMeasures(db, measureScope(actor, input), input, NOW);
let w: Awaited<ReturnType<typeof makeWorld>>;

/** A small history whose answers are worked out by hand in the comments below. */
async function buildHistory() {
  const team = w.orgs.navTeam.id;
  const person = async (named: string | null) =>
    await insertPatient(db, { registeredPracticeId: w.orgs.practice.id, caseloadOrganisationId: team, namedContactUserId: named });
  const p1 = await person(w.navigator.row.id);
  const p2 = await person(w.navigator.row.id);
  const p3 = await person(w.navigator.row.id);
  const p4 = await person(null);
  const discharge = async (
    patientId: string,
    createdAt: number,
    homeAt: number | null,
    riskLevel: 'high' | 'medium',
    followedUpAt: number | null = null,
  ) =>
    await db
      .insert(discharges)
      .values({
        id: newId(),
        patientId,
        flaggedByUserId: w.hospitalStaff.row.id,
        flaggerContact: 'Ward 7',
        hospital: 'Riverside General',
        expectedDate: '2026-02-02',
        pathway: 1,
        riskLevel,
        concern: 'c',
        ask: 'a',
        carerConsulted: true,
        followUpHours: 24,
        status: homeAt ? 'home' : 'flagged',
        homeAt,
        followedUpAt,
        createdAt,
        updatedAt: createdAt,
      })
      .run();
  const contact = async (patientId: string, at: number, by = w.navigator) =>
    await insertTimelineEvent(db, {
      patientId,
      actorUserId: by.row.id,
      organisationId: by.actor.organisationId,
      sector: 'primary',
      kind: 'contact',
      summary: 'Phone call',
      occurredAt: at,
      recordedAt: at,
    });

  await discharge(p1.id, T0, T0 + D, 'high'); // D1: contact 30 h after the flag (6 h after home)
  await contact(p1.id, T0 + 30 * H);
  await discharge(p1.id, T0, null, 'high'); // D4: never home
  await discharge(p2.id, T0 + D, T0 + 2 * D, 'high', T0 + 2 * D + 40 * H); // D2: follow-up recorded 40 h after home: 64 h after the flag
  await discharge(p3.id, T0 + 2 * D, T0 + 3 * D, 'high'); // D3: home, never contacted
  await discharge(p4.id, Date.UTC(2026, 0, 20), Date.UTC(2026, 1, 3, 9), 'high'); // D5: flagged in January, home in February, contact 2 h later
  await contact(p4.id, Date.UTC(2026, 1, 3, 11));
  await discharge(p4.id, T0 + 3 * D, T0 + 5 * D, 'medium'); // D6: the only contacts are before getting home
  await contact(p4.id, T0 + 4 * D);
  await insertTimelineEvent(db, {
    patientId: p1.id,
    actorUserId: w.gp.row.id,
    organisationId: w.orgs.practice.id,
    sector: 'primary',
    kind: 'note',
    summary: 'Note',
    recordedAt: T0 + 3 * D,
  });
  await insertTimelineEvent(db, {
    patientId: p1.id,
    actorUserId: SYSTEM_USER_ID,
    sector: 'primary',
    kind: 'task_escalated',
    summary: 'Escalated',
    recordedAt: T0 + 3 * D,
  });

  const service = async (name: string) => {
    const id = newId();
    await db
      .insert(services)
      .values({ id, name, providerName: name, organisationId: w.orgs.housing.id, category: 'housing', createdAt: T0, updatedAt: T0 })
      .run();
    return id;
  };
  const tenancy = await service('Tenancy support');
  const befriending = await service('Befriending');
  const referral = async (
    r: Partial<typeof referrals.$inferInsert> & Pick<typeof referrals.$inferInsert, 'serviceId' | 'urgency' | 'sentAt' | 'targetAt'>,
  ) =>
    await db
      .insert(referrals)
      .values({
        id: newId(),
        patientId: p1.id,
        toOrganisationId: w.orgs.housing.id,
        fromUserId: w.navigator.row.id,
        fromOrganisationId: w.orgs.navTeam.id,
        reason: 'r',
        personWants: 'w',
        aboutMeReused: true,
        updatedAt: r.sentAt,
        ...r,
      })
      .run();
  await referral({
    serviceId: tenancy,
    urgency: 'urgent',
    sentAt: T0,
    targetAt: T0 + 4 * H,
    respondedAt: T0 + 2 * H,
    status: 'completed',
    outcome: 'successful',
    closedAt: T0 + 5 * D,
  }); // R1
  await referral({
    serviceId: tenancy,
    urgency: 'urgent',
    sentAt: T0 + D,
    targetAt: T0 + D + 4 * H,
    respondedAt: T0 + D + 6 * H,
    status: 'declined',
    declineReason: 'Not eligible',
    closedAt: T0 + D + 6 * H,
  }); // R2
  await referral({
    serviceId: befriending,
    urgency: 'routine',
    sentAt: T0 + 2 * D,
    targetAt: T0 + 16 * D,
    status: 'sent',
    aboutMeReused: false,
  }); // R3: no answer, past target
  await referral({ serviceId: befriending, urgency: 'routine', sentAt: T0 + 3 * D, targetAt: NOW + D, status: 'sent' }); // R4: no answer, not yet due
  await referral({
    serviceId: befriending,
    urgency: 'routine',
    sentAt: Date.UTC(2026, 0, 10),
    targetAt: Date.UTC(2026, 0, 11),
    status: 'sent',
  }); // R5: January
  await referral({
    serviceId: befriending,
    urgency: 'soon',
    sentAt: T0 + 4 * D,
    targetAt: T0 + 6 * D,
    respondedAt: T0 + 4 * D + H,
    status: 'completed',
    outcome: 'not_successful',
    outcomeReason: 'Could not contact',
    closedAt: T0 + 10 * D,
    aboutMeReused: false,
  }); // R6

  await db
    .insert(namedContactHandoffs)
    .values({
      id: newId(),
      patientId: p1.id,
      fromUserId: w.navigator.row.id,
      toUserId: w.navigator2.row.id,
      status: 'accepted',
      createdAt: T0,
      decidedAt: T0 + 3 * H,
    })
    .run();
  await db
    .insert(namedContactHandoffs)
    .values({
      id: newId(),
      patientId: p2.id,
      fromUserId: w.navigator.row.id,
      toUserId: w.socialWorker.row.id,
      status: 'declined',
      createdAt: T0 + D,
      decidedAt: T0 + D + H,
    })
    .run();

  const task = async (status: 'open' | 'done', dueAt: number) =>
    await db
      .insert(tasks)
      .values({
        id: newId(),
        patientId: p1.id,
        title: 't',
        assigneeOrganisationId: team,
        status,
        dueAt,
        origin: 'manual',
        createdByUserId: w.navigator.row.id,
        createdAt: T0,
        updatedAt: T0,
      })
      .run();
  await task('open', NOW - D);
  await task('open', NOW + D);
  await task('done', NOW - D);

  const ons4 = async (patientId: string, kind: 'baseline' | 'follow_up', answeredOn: string, s: [number, number, number, number]) =>
    await db
      .insert(wellbeingScores)
      .values({
        id: newId(),
        patientId,
        kind,
        answeredOn,
        lifeSatisfaction: s[0],
        worthwhile: s[1],
        happiness: s[2],
        anxiety: s[3],
        recordedByUserId: w.navigator.row.id,
        recordedAt: T0,
      })
      .run();
  await ons4(p1.id, 'baseline', '2026-01-10', [7, 6, 5, 4]);
  await ons4(p1.id, 'follow_up', '2026-02-20', [8, 8, 6, 2]);
  await ons4(p2.id, 'baseline', '2026-02-01', [5, 5, 5, 5]);
  await ons4(p3.id, 'baseline', '2026-02-01', [5, 5, 5, 5]);
  await ons4(p3.id, 'follow_up', '2026-03-05', [9, 9, 9, 1]); // after the period
}

const byId = (measures: Measure[]) => Object.fromEntries(measures.map((m) => [m.id, m]));

beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
  await buildHistory();
});

describe('measures on a hand-built history', () => {
  it('computes each measure as worked out by hand', async () => {
    const m = byId(await measuresFor(w.navigator.actor, FEBRUARY));
    // 1. Flagged in February: D1, D2, D3, D4, D6; home: D1, D2, D3, D6; contacted: D1 (30 h) and D2 (64 h).
    expect(m.flagToContact!.rows).toEqual([[5, 4, 2, 2, 47, 64]]);
    expect(m.flagToContact!.chart?.points).toEqual([{ label: '2 Feb 2026', value: 47 }]);
    // 2. High risk home in February: D1 (6 h), D2 (40 h), D3 (never), D5 (2 h).
    expect(m.highRiskFollowUp!.rows).toEqual([
      ['Within 24 hours', 2, 4, 50],
      ['Within 48 hours', 3, 4, 75],
    ]);
    // 3. R4 is not yet due, so it is left out of the share; R3 is missed; R5 is January.
    expect(m.referralResponse!.rows).toEqual([
      ['Befriending', 'Routine', 2, 0, null, 0],
      ['Befriending', 'Soon', 1, 1, 1, 100],
      ['Tenancy support', 'Urgent', 2, 2, 4, 50],
    ]);
    expect(m.referralResponse!.headline).toBe('50% answered within target; median response 2 hours (5 referrals sent)');
    expect(m.referralResponse!.chart?.points).toEqual([
      { label: 'Befriending', value: 50 },
      { label: 'Tenancy support', value: 50 },
    ]);
    // 4. Closed: R1 successful, R2 declined, R6 not successful.
    expect(m.referralOutcomes!.rows).toEqual([
      ['Completed successfully', '', 1, 33.3],
      ['Completed, not successful', 'Could not contact', 1, 33.3],
      ['Declined', 'Not eligible', 1, 33.3],
    ]);
    // 5. Two hand-overs for five people; one accepted after 3 hours.
    expect(m.handoffs!.rows.at(-1)).toEqual(['All hand-offs', 2, 2, 0.4, 1, 3]);
    // 6. Margaret and P2, P3: nobody; P1: the navigator and the GP (not carenav itself); P4: the navigator. P4 has no named contact.
    expect(m.involvement!.rows).toEqual([
      ['Professionals involved', 0.6, 0, 2],
      ['Organisations involved', 0.6, 0, 2],
      ['Exactly one named contact (%)', 80, null, null],
    ]);
    // 7. Five referrals sent in February; R3 and R6 re-entered.
    expect(m.tellItOnce!.rows).toEqual([
      ['Reused unchanged', 3, 60],
      ['Re-entered or changed', 2, 40],
    ]);
    // 8. Now: P1 has two open tasks, one overdue.
    expect(m.workload!.rows.at(-1)).toEqual(['Everyone in scope', 5, 2, 1, 0.4]);
    expect(m.workload!.rows[0]).toEqual(['Nadia Navigator', 4, 2, 1, 0.5]);
    // 9. Only P1 has a follow-up in February: +1, +2, +1, −2.
    expect(m.wellbeing!.rows.map((r) => r[3])).toEqual([1, 2, 1, -2]);
  });

  it('leaves the week under way out of the trend until it ends, never plotting it as a false low or zero', async () => {
    const input = { ...FEBRUARY, from: '2026-01-01' };
    const trendAt = async (now: number) =>
      (await computeMeasures(db, measureScope(w.navigator.actor, input), { ...input, measures: ['flagToContact'] }, now))[0]!;
    // Thursday 5 February: the week of 2 February is under way. D1 was contacted 30 hours after
    // its flag; D2 not yet. The week is counted in the table but has no point on the chart.
    const midWeek = await trendAt(T0 + 3 * D);
    expect(midWeek.chart?.points).toEqual([{ label: '19 Jan 2026', value: 347 }]);
    expect(midWeek.rows[0]![2]).toBe(3); // D5, D1 and D2 (whose follow-up is already recorded) are in the table
    // Monday 9 February, the first moment of the next week: the week of 2 February has ended.
    const nextWeek = await trendAt(Date.UTC(2026, 1, 9));
    expect(nextWeek.chart?.points).toEqual([
      { label: '19 Jan 2026', value: 347 },
      { label: '2 Feb 2026', value: 47 },
    ]);
    expect(nextWeek.chart?.points.every((p) => p.value > 0)).toBe(true);
  });

  it('leaves out events outside the period', async () => {
    const m = byId(await measuresFor(w.navigator.actor, { ...FEBRUARY, from: '2026-01-01', to: '2026-01-31' }));
    // January: only D5's flag (home in February, contacted after) and R5.
    expect(m.flagToContact!.rows).toEqual([[1, 1, 1, 0, 347, 347]]); // 20 January 00:00 to 3 February 11:00
    expect(m.highRiskFollowUp!.rows).toEqual([]);
    expect(m.referralResponse!.rows).toEqual([['Befriending', 'Routine', 1, 0, null, 0]]);
    expect(m.referralOutcomes!.rows).toEqual([]);
    expect(m.wellbeing!.rows).toEqual([]);
  });

  it('a team with no data gets empty tables and plain headlines, never an error', async () => {
    const emptyTeam = await insertOrganisation(db, { name: 'Empty team', kind: 'navigator_team' });
    const lonely = await w.addUser('navigator', emptyTeam.id, 'primary', 'Lonely Navigator');
    const measures = await measuresFor(lonely.actor, FEBRUARY);
    expect(measures.map((m) => m.id)).toEqual(MEASURE_IDS);
    for (const m of measures) {
      expect(
        m.rows.filter((r) => r[0] !== 'Everyone in scope'),
        m.id,
      ).toEqual(m.id === 'flagToContact' ? [[0, 0, 0, 0, null, null]] : []);
      expect(m.headline.length).toBeGreaterThan(10);
    }
  });

  it('"mine" counts only people I am named contact for; admin sees every organisation or one team', async () => {
    const mine = byId(await measuresFor(w.navigator2.actor, { ...FEBRUARY, scope: 'mine' }));
    expect(mine.workload!.rows).toEqual([]);
    const all = byId(await measuresFor(w.admin.actor, { ...FEBRUARY, scope: 'organisation', organisationId: '' }));
    expect(all.tellItOnce!.rows[0]).toEqual(['Reused unchanged', 3, 60]);
    const other = byId(await measuresFor(w.admin.actor, { ...FEBRUARY, scope: 'organisation', organisationId: w.orgs.housing.id }));
    expect(other.tellItOnce!.rows).toEqual([]);
  });

  it('checks the period and who may see what, naming the field', async () => {
    expect((await failure(w.navigator.caller.metrics.compute({ ...FEBRUARY, to: '2026-01-01' }))).message).toMatch(
      /to: To must be on or after From/,
    );
    expect((await failure(w.navigator.caller.metrics.compute({ ...FEBRUARY, from: '2026-02-30' }))).message).toMatch(
      /from: From must be a real date/,
    );
    expect((await failure(w.navigator.caller.metrics.compute({ ...FEBRUARY, scope: 'organisation' }))).code).toBe('FORBIDDEN');
    expect((await failure(w.gp.caller.metrics.compute(FEBRUARY))).code).toBe('FORBIDDEN');
    expect((await failure(w.carer.caller.metrics.compute(FEBRUARY))).code).toBe('FORBIDDEN');
    // Counts only: no measure carries a person's name or id.
    const json = JSON.stringify(await w.admin.caller.metrics.compute({ ...FEBRUARY, scope: 'organisation' }));
    expect(json).not.toMatch(/Margaret|Thompson|Person\d/);
    expect(json).not.toContain(w.patient.id);
  });

  it('docs/measures.md carries every definition word for word', () => {
    const docs = readFileSync('docs/measures.md', 'utf8');
    for (const m of Object.values(MEASURES)) {
      expect(docs).toContain(`## ${m.title}`);
      expect(docs).toContain(m.definition);
    }
  });
});
