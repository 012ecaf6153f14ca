import { and, eq, gte, inArray, isNotNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { least } from '../../db/engine-sql';
import {
  discharges,
  namedContactHandoffs,
  patients,
  referrals,
  services,
  tasks,
  timelineEvents,
  users,
  wellbeingScores,
  ONS4_ITEMS,
} from '../../db/schema';
import type { Actor } from '../access/actor';
import { Forbidden } from '../errors';
import { formatDate, weekStartInEngland } from '../calendar/england-time';
import { MEASURES, type MeasureId } from './definitions';
import { periodOf, type MeasuresInput } from './measure-input';
import { hours, mean, median, percentile, round1, share } from './statistics';

type Cell = string | number | null;

/** One measure, ready for a page (headline, table, chart) and a CSV (table). Counts only: no person is named. */
export type Measure = {
  id: MeasureId;
  title: string;
  definition: string;
  headline: string;
  columns: string[];
  rows: Cell[][];
  chart?: { kind: 'line' | 'bar'; label: string; unit: string; points: { label: string; value: number }[] };
  /** When it was computed (ms since the epoch): the figures are as of then. */
  computedAt: number;
};

const HOUR = 3_600_000;
const URGENCY_WORDS = { urgent: 'Urgent', soon: 'Soon', routine: 'Routine' } as const;

/** Which people the measures are about: one navigator's, one navigator team's, or everyone's. */
export type MeasureScope = { kind: 'mine'; userId: string } | { kind: 'team'; organisationId: string } | { kind: 'all' };

/** Navigators: their own people or their team's; admin: one team or everyone. Refuses any other. */
export function measureScope(actor: Actor, input: Pick<MeasuresInput, 'scope' | 'organisationId'>): MeasureScope {
  if (actor.role === 'admin') {
    if (input.scope !== 'organisation') throw new Forbidden('Administrators see measures by organisation.');
    return input.organisationId ? { kind: 'team', organisationId: input.organisationId } : { kind: 'all' };
  }
  if (input.scope === 'organisation') throw new Forbidden('Navigators see measures for their own people and their team’s.');
  return input.scope === 'mine' ? { kind: 'mine', userId: actor.userId } : { kind: 'team', organisationId: actor.organisationId ?? '' };
}

/** The same people named as text, the key measures are kept under. */
export const scopeKey = (scope: MeasureScope) =>
  scope.kind === 'all' ? 'all' : scope.kind === 'mine' ? `mine:${scope.userId}` : `team:${scope.organisationId}`;

function scopeCondition(scope: MeasureScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return scope.kind === 'mine' ? eq(patients.namedContactUserId, scope.userId) : eq(patients.caseloadOrganisationId, scope.organisationId);
}

/** Adds `value` to the list under `key` (in place: copying the list per row made grouping quadratic). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const weekOf = weekStartInEngland;
const fmt = (v: number | null, unit = '') => (v === null ? '–' : `${v}${unit}`);

/**
 * The measures asked for (default: all) for the period and people, computed afresh from what
 * carenav recorded. At a whole system's size this takes seconds: pages read them through
 * `kept-measures.ts`, which keeps them.
 */
export async function computeMeasures(
  db: Db,
  scope: MeasureScope,
  input: Pick<MeasuresInput, 'from' | 'to' | 'measures'>,
  now = Date.now(),
): Promise<Measure[]> {
  const inScope = scopeCondition(scope);
  const { fromMs, toMs } = periodOf(input);
  const inPeriod = (column: AnySQLiteColumn) => and(gte(column, fromMs), lt(column, toMs));
  const measure = (id: MeasureId, rest: Omit<Measure, 'id' | 'title' | 'definition' | 'computedAt'>): Measure => ({
    id,
    ...MEASURES[id],
    ...rest,
    computedAt: now,
  });

  // First contact after getting home: a contact entry at or after homeAt, or the recorded follow-up.
  const firstContact = least(
    sql`coalesce((select min(${timelineEvents.occurredAt}) from ${timelineEvents}
      where ${timelineEvents.patientId} = ${discharges.patientId} and ${timelineEvents.kind} = 'contact' and ${timelineEvents.occurredAt} >= ${discharges.homeAt}), 9e15)`,
    sql`coalesce(case when ${discharges.followedUpAt} >= ${discharges.homeAt} then ${discharges.followedUpAt} end, 9e15)`,
  ) as SQL<number | null>;
  const dischargeRows = async (where: SQL | undefined) =>
    (
      await db
        .select({ createdAt: discharges.createdAt, homeAt: discharges.homeAt, riskLevel: discharges.riskLevel, firstContact })
        .from(discharges)
        .innerJoin(patients, eq(discharges.patientId, patients.id))
        .where(and(inScope, where))
        .all()
    ).map((d) => ({ ...d, firstContact: d.firstContact !== null && d.firstContact < 9e15 ? d.firstContact : null }));

  // Data two or more measures share, read once and only when a measure needs it.
  const once = <T>(read: () => T) => {
    let value: T | undefined;
    return () => (value ??= read());
  };

  // 1. Flag to first contact.
  const m1 = async () => {
    const flagged = await dischargeRows(inPeriod(discharges.createdAt));
    const home = flagged.filter((d) => d.homeAt !== null);
    const contacted = home.filter((d) => d.firstContact !== null);
    const waits = contacted.map((d) => d.firstContact! - d.createdAt);
    const byWeek = new Map<string, number[]>();
    for (const d of contacted) push(byWeek, weekOf(d.createdAt), d.firstContact! - d.createdAt);
    // The week under way is left out until it ends: its discharges have not all had time to be
    // contacted, so its median would be a false low (with nobody contacted yet, no point at all).
    const thisWeek = weekOf(now);
    const trend = [...byWeek.entries()]
      .filter(([week]) => week < thisWeek)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, w]) => ({ label: formatDate(week), value: hours(median(w)!) }));
    return measure('flagToContact', {
      headline: contacted.length
        ? `Median ${fmt(hours(median(waits)!))} hours, 90th percentile ${fmt(hours(percentile(waits, 90)!))} hours, over ${contacted.length} discharges`
        : 'No discharge flagged in this period has had a contact after getting home yet',
      columns: [
        'Flagged',
        'Got home',
        'Contacted after getting home',
        'Home, not yet contacted',
        'Median (hours)',
        '90th percentile (hours)',
      ],
      rows: [
        [
          flagged.length,
          home.length,
          contacted.length,
          home.length - contacted.length,
          waits.length ? hours(median(waits)!) : null,
          waits.length ? hours(percentile(waits, 90)!) : null,
        ],
      ],
      chart: trend.length
        ? { kind: 'line', label: 'Median hours from flag to first contact, by week flagged', unit: 'hours', points: trend }
        : undefined,
    });
  };

  // 2. High-risk discharges followed up within 24 and 48 hours.
  const m2 = async () => {
    const highRisk = await dischargeRows(and(eq(discharges.riskLevel, 'high'), isNotNull(discharges.homeAt), inPeriod(discharges.homeAt)));
    const within = (windowHours: number) => {
      const inTime = highRisk.filter((d) => d.firstContact !== null && d.firstContact <= d.homeAt! + windowHours * HOUR).length;
      const counted = highRisk.filter(
        (d) => (d.firstContact !== null && d.firstContact <= d.homeAt! + windowHours * HOUR) || now >= d.homeAt! + windowHours * HOUR,
      ).length;
      return [`Within ${windowHours} hours`, inTime, counted, share(inTime, counted)] as Cell[];
    };
    const w24 = within(24);
    const w48 = within(48);
    return measure('highRiskFollowUp', {
      headline: highRisk.length
        ? `${fmt(w24[3] as number | null, '%')} within 24 hours, ${fmt(w48[3] as number | null, '%')} within 48 hours (${highRisk.length} high-risk discharges home)`
        : 'No high-risk discharge got home in this period',
      columns: ['Window', 'Followed up in time', 'Counted', 'Share (%)'],
      rows: highRisk.length ? [w24, w48] : [],
    });
  };

  // 3. Referral response time against target.
  const sentInPeriod = once(
    async () =>
      await db
        .select({
          service: services.name,
          category: services.category,
          urgency: referrals.urgency,
          sentAt: referrals.sentAt,
          respondedAt: referrals.respondedAt,
          targetAt: referrals.targetAt,
          aboutMeReused: referrals.aboutMeReused,
        })
        .from(referrals)
        .innerJoin(patients, eq(referrals.patientId, patients.id))
        .innerJoin(services, eq(referrals.serviceId, services.id))
        .where(and(inScope, inPeriod(referrals.sentAt)))
        .all(),
  );
  const m3 = async () => {
    const sent = await sentInPeriod();
    const groups = new Map<string, typeof sent>();
    for (const r of sent) push(groups, `${r.service}\u0000${r.urgency}`, r);
    const responseRow = (list: typeof sent) => {
      const responded = list.filter((r) => r.respondedAt !== null);
      const inTime = responded.filter((r) => r.respondedAt! <= r.targetAt).length;
      const counted = responded.length + list.filter((r) => r.respondedAt === null && now > r.targetAt).length;
      return {
        sent: list.length,
        responded: responded.length,
        median: responded.length ? hours(median(responded.map((r) => r.respondedAt! - r.sentAt))!) : null,
        inTime,
        share: share(inTime, counted),
      };
    };
    const rows3 = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => {
        const [service, urgency] = key.split('\u0000') as [string, keyof typeof URGENCY_WORDS];
        const r = responseRow(list);
        return [service, URGENCY_WORDS[urgency], r.sent, r.responded, r.median, r.share];
      });
    const byService = new Map<string, typeof sent>();
    for (const r of sent) push(byService, r.service, r);
    const all3 = responseRow(sent);
    return measure('referralResponse', {
      headline: sent.length
        ? `${fmt(all3.share, '%')} answered within target; median response ${fmt(all3.median)} hours (${sent.length} referrals sent)`
        : 'No referrals were sent in this period',
      columns: ['Service', 'Urgency', 'Sent', 'Responded', 'Median response (hours)', 'Within target (%)'],
      rows: rows3,
      chart: byService.size
        ? {
            kind: 'bar',
            label: 'Share answered within target, by service',
            unit: '%',
            points: [...byService.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .flatMap(([service, list]) => {
                const s = responseRow(list).share;
                return s === null ? [] : [{ label: service, value: s }];
              }),
          }
        : undefined,
    });
  };

  // 4. Referral outcomes.
  const m4 = async () => {
    const closed = await db
      .select({
        status: referrals.status,
        outcome: referrals.outcome,
        outcomeReason: referrals.outcomeReason,
        declineReason: referrals.declineReason,
      })
      .from(referrals)
      .innerJoin(patients, eq(referrals.patientId, patients.id))
      .where(and(inScope, inArray(referrals.status, ['completed', 'declined']), inPeriod(referrals.closedAt)))
      .all();
    const outcomeCounts = new Map<string, number>();
    for (const r of closed) {
      const key =
        r.status === 'declined'
          ? `Declined\u0000${r.declineReason ?? ''}`
          : r.outcome === 'successful'
            ? 'Completed successfully\u0000'
            : `Completed, not successful\u0000${r.outcomeReason ?? 'No reason given'}`;
      outcomeCounts.set(key, (outcomeCounts.get(key) ?? 0) + 1);
    }
    const successful = outcomeCounts.get('Completed successfully\u0000') ?? 0;
    return measure('referralOutcomes', {
      headline: closed.length
        ? `${fmt(share(successful, closed.length), '%')} completed successfully (${closed.length} referrals closed)`
        : 'No referrals were closed in this period',
      columns: ['Outcome', 'Reason', 'Referrals', 'Share of closed (%)'],
      rows: [...outcomeCounts.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => [...key.split('\u0000'), n, share(n, closed.length)]),
    });
  };

  // 5. Hand-offs.
  // The active people in scope: the denominator of hand-offs per person, and the people of measures 6 and 8.
  const activePeople = once(
    async () =>
      await db
        .select({ id: patients.id, namedContactUserId: patients.namedContactUserId })
        .from(patients)
        .where(and(inScope, eq(patients.status, 'active')))
        .all(),
  );
  const m5 = async () => {
    const peopleInScope = (await activePeople()).length;
    const handovers = await db
      .select({
        patientId: namedContactHandoffs.patientId,
        status: namedContactHandoffs.status,
        createdAt: namedContactHandoffs.createdAt,
        decidedAt: namedContactHandoffs.decidedAt,
      })
      .from(namedContactHandoffs)
      .innerJoin(patients, eq(namedContactHandoffs.patientId, patients.id))
      .where(and(inScope, inPeriod(namedContactHandoffs.createdAt)))
      .all();
    const teamReferrals = await db
      .select({ patientId: referrals.patientId, status: referrals.status, sentAt: referrals.sentAt, respondedAt: referrals.respondedAt })
      .from(referrals)
      .innerJoin(patients, eq(referrals.patientId, patients.id))
      .innerJoin(services, eq(referrals.serviceId, services.id))
      .where(and(inScope, eq(services.category, 'navigator_team'), inPeriod(referrals.sentAt)))
      .all();
    const handoffRow = (kind: string, list: { patientId: string; accepted: boolean; waited: number | null }[]) => {
      const waitsH = list.filter((h) => h.accepted && h.waited !== null).map((h) => h.waited!);
      return [
        kind,
        list.length,
        new Set(list.map((h) => h.patientId)).size,
        peopleInScope ? round1(list.length / peopleInScope) : null,
        waitsH.length,
        waitsH.length ? hours(median(waitsH)!) : null,
      ];
    };
    const hList = handovers.map((h) => ({
      patientId: h.patientId,
      accepted: h.status === 'accepted',
      waited: h.decidedAt ? h.decidedAt - h.createdAt : null,
    }));
    const rList = teamReferrals.map((r) => ({
      patientId: r.patientId,
      accepted: ['accepted', 'in_progress', 'completed'].includes(r.status),
      waited: r.respondedAt ? r.respondedAt - r.sentAt : null,
    }));
    const allHandoffs = [...hList, ...rList];
    return measure('handoffs', {
      headline: allHandoffs.length
        ? `${allHandoffs.length} hand-offs for ${peopleInScope} people (${fmt(round1(allHandoffs.length / Math.max(peopleInScope, 1)))} per person)`
        : 'No hand-offs in this period',
      columns: ['Kind', 'Hand-offs', 'People', 'Per person in scope', 'Accepted', 'Median wait to acceptance (hours)'],
      rows: allHandoffs.length
        ? [
            handoffRow('Named contact hand-over', hList),
            handoffRow('Referral to a navigator team', rList),
            handoffRow('All hand-offs', allHandoffs),
          ]
        : [],
    });
  };

  // 6. Organisations and professionals involved per person.
  const m6 = async () => {
    const active = await activePeople();
    const involvement = await db
      .select({
        patientId: timelineEvents.patientId,
        staff: sql<number>`count(distinct ${timelineEvents.actorUserId})`,
        orgs: sql<number>`count(distinct ${timelineEvents.organisationId})`,
      })
      .from(timelineEvents)
      .innerJoin(patients, eq(timelineEvents.patientId, patients.id))
      .innerJoin(users, eq(timelineEvents.actorUserId, users.id))
      .where(and(inScope, eq(patients.status, 'active'), notInArray(users.role, ['system', 'carer']), inPeriod(timelineEvents.recordedAt)))
      .groupBy(timelineEvents.patientId)
      .all();
    const byPerson = new Map(involvement.map((i) => [i.patientId, i]));
    const staffCounts = active.map((p) => byPerson.get(p.id)?.staff ?? 0);
    const orgCounts = active.map((p) => byPerson.get(p.id)?.orgs ?? 0);
    const withNamed = active.filter((p) => p.namedContactUserId !== null).length;
    return measure('involvement', {
      headline: active.length
        ? `${fmt(round1(mean(staffCounts)))} professionals from ${fmt(round1(mean(orgCounts)))} organisations per person on average; ${fmt(share(withNamed, active.length), '%')} have exactly one named contact`
        : 'Nobody is in scope',
      columns: ['Per person', 'Mean', 'Median', 'Highest'],
      rows: active.length
        ? [
            ['Professionals involved', round1(mean(staffCounts)), median(staffCounts), Math.max(...staffCounts)],
            ['Organisations involved', round1(mean(orgCounts)), median(orgCounts), Math.max(...orgCounts)],
            ['Exactly one named contact (%)', share(withNamed, active.length), null, null],
          ]
        : [],
    });
  };

  // 7. Tell it once.
  const m7 = async () => {
    const sent = await sentInPeriod();
    const reused = sent.filter((r) => r.aboutMeReused).length;
    return measure('tellItOnce', {
      headline: sent.length
        ? `${fmt(share(reused, sent.length), '%')} of referrals reused “about me” unchanged (${sent.length} sent)`
        : 'No referrals were sent in this period',
      columns: ['“What the person wants”', 'Referrals', 'Share (%)'],
      rows: sent.length
        ? [
            ['Reused unchanged', reused, share(reused, sent.length)],
            ['Re-entered or changed', sent.length - reused, share(sent.length - reused, sent.length)],
          ]
        : [],
    });
  };

  // 8. Workload (a snapshot now).
  const m8 = async () => {
    const active = await activePeople();
    const open = inArray(tasks.status, ['open', 'in_progress']);
    const load = await db
      .select({
        namedContact: users.name,
        people: sql<number>`count(distinct ${patients.id})`,
        open: sql<number>`count(${tasks.id})`,
        overdue: sql<number>`coalesce(sum(case when ${tasks.dueAt} < ${now} then 1 else 0 end), 0)`,
      })
      .from(patients)
      .innerJoin(users, eq(patients.namedContactUserId, users.id))
      .leftJoin(tasks, and(eq(tasks.patientId, patients.id), open))
      .where(and(inScope, eq(patients.status, 'active')))
      .groupBy(users.id)
      .orderBy(users.name)
      .all();
    const totals = (await db
      .select({ open: sql<number>`count(*)`, overdue: sql<number>`coalesce(sum(case when ${tasks.dueAt} < ${now} then 1 else 0 end), 0)` })
      .from(tasks)
      .innerJoin(patients, eq(tasks.patientId, patients.id))
      .where(and(inScope, eq(patients.status, 'active'), open))
      .get())!;
    return measure('workload', {
      headline: active.length
        ? `${active.length} people, ${fmt(round1(active.length / Math.max(load.length, 1)))} per named contact; ${totals.open} open tasks (${totals.overdue} overdue), ${fmt(round1(totals.open / active.length))} per person`
        : 'Nobody is in scope',
      columns: ['Named contact', 'People', 'Open tasks', 'Overdue tasks', 'Open tasks per person'],
      rows: active.length
        ? [
            ...load.map((l) => [l.namedContact, l.people, l.open, l.overdue, round1(l.open / l.people)]),
            ['Everyone in scope', active.length, totals.open, totals.overdue, round1(totals.open / active.length)],
          ]
        : [],
    });
  };

  // 9. Wellbeing (ONS4).
  const m9 = async () => {
    const scores = await db
      .select({
        patientId: wellbeingScores.patientId,
        kind: wellbeingScores.kind,
        answeredOn: wellbeingScores.answeredOn,
        recordedAt: wellbeingScores.recordedAt,
        lifeSatisfaction: wellbeingScores.lifeSatisfaction,
        worthwhile: wellbeingScores.worthwhile,
        happiness: wellbeingScores.happiness,
        anxiety: wellbeingScores.anxiety,
      })
      .from(wellbeingScores)
      .innerJoin(patients, eq(wellbeingScores.patientId, patients.id))
      .where(
        and(
          inScope,
          or(
            eq(wellbeingScores.kind, 'baseline'),
            and(gte(wellbeingScores.answeredOn, input.from), sql`${wellbeingScores.answeredOn} <= ${input.to}`),
          ),
        ),
      )
      .orderBy(wellbeingScores.answeredOn, wellbeingScores.recordedAt)
      .all();
    const pairs = new Map<string, { baseline?: (typeof scores)[number]; followUp?: (typeof scores)[number] }>();
    for (const s of scores) {
      const p = pairs.get(s.patientId) ?? {};
      if (s.kind === 'baseline') p.baseline ??= s;
      else p.followUp = s;
      pairs.set(s.patientId, p);
    }
    const complete = [...pairs.values()].filter((p) => p.baseline && p.followUp);
    const ITEM_WORDS = {
      lifeSatisfaction: 'Life satisfaction',
      worthwhile: 'Things done are worthwhile',
      happiness: 'Happiness yesterday',
      anxiety: 'Anxiety yesterday (lower is better)',
    } as const;
    const rows9 = ONS4_ITEMS.map((item) => [
      ITEM_WORDS[item],
      round1(mean(complete.map((p) => p.baseline![item]))),
      round1(mean(complete.map((p) => p.followUp![item]))),
      round1(mean(complete.map((p) => p.followUp![item] - p.baseline![item]))),
    ]);
    return measure('wellbeing', {
      headline: complete.length
        ? `Life satisfaction changed by ${fmt(rows9[0]![3] as number)} on average (${complete.length} people with a baseline and a follow-up)`
        : 'Nobody in scope has a baseline and a follow-up in this period',
      columns: ['Question', 'Mean at baseline', 'Mean at follow-up', 'Mean change'],
      rows: complete.length ? rows9 : [],
    });
  };

  const compute: Record<MeasureId, () => Measure | Promise<Measure>> = {
    flagToContact: m1,
    highRiskFollowUp: m2,
    referralResponse: m3,
    referralOutcomes: m4,
    handoffs: m5,
    involvement: m6,
    tellItOnce: m7,
    workload: m8,
    wellbeing: m9,
  };
  const wanted = input.measures?.length ? input.measures : (Object.keys(compute) as MeasureId[]);
  const measures: Measure[] = [];
  // One after another: on one connection they would not run any faster side by side.
  for (const id of Object.keys(compute) as MeasureId[]) if (wanted.includes(id)) measures.push(await compute[id]());
  return measures;
}
