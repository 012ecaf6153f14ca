import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Db } from '../client';
import {
  auditLog,
  careTeamMembers,
  carerLinks,
  consents,
  discharges,
  mdtDiscussions,
  mdtMeetings,
  namedContactHandoffs,
  notifications,
  organisations,
  patients,
  referrals,
  services,
  tasks,
  timelineEvents,
  users,
  wellbeingScores,
  CONTACT_METHODS,
  type ConsentPurpose,
  type DischargeStatus,
  type EventKind,
  type OrganisationKind,
  type ReferralStatus,
  type RiskLevel,
  type Role,
  type Sector,
  type ServiceCategory,
  type Urgency,
} from '../schema';
import {
  auditRow,
  careTeamMemberRow,
  carerLinkRow,
  consentRow,
  dischargeRow,
  mdtDiscussionRow,
  mdtMeetingRow,
  notificationRow,
  organisationRow,
  patientRow,
  referralRow,
  serviceRow,
  taskRow,
  timelineEventRow,
  userRow,
  wellbeingRow,
  withCheckDigit,
} from '../factories';
import { bulkInserter } from './bulk-insert';
import { SYNTHETIC_MARKER_TABLE } from '../synthetic-marker';
import { sharingRuleFor } from '../../server/access/sharing-rules';

/**
 * The synthetic integrated care system behind `npm run db:synth` and the benchmark: the same seed
 * always gives the same data (every id, name and moment comes from one seeded generator and a fixed
 * end date, never the clock). Rows are built by the project's factories and written in large
 * transactions. Nothing here is a real person: names are drawn from lists, NHS numbers are in the
 * 999 test range, addresses and phone numbers are in Ofcom's drama ranges.
 */

export type SynthOptions = {
  people: number;
  seed: number;
  /** The last moment of the 3 years of history (default 2026-11-01 12:00 UTC). */
  until?: number;
  onProgress?: (peopleDone: number) => void;
};

export type SynthSummary = Record<string, number>;

export { SYNTHETIC_MARKER_TABLE };

export const DEFAULT_UNTIL = Date.UTC(2026, 10, 1, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** People with very long timelines, at 100,000 people (scaled down for smaller runs). */
const HEAVY_TIMELINES = [120_000, 30_000, 15_000, 12_000, 10_500];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

class Random {
  private readonly rng;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  float(): number {
    return uniformFloat64(this.rng);
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.float() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices.at(-1)![0];
  }
  between(from: number, to: number): number {
    return Math.floor(from + this.float() * (to - from));
  }
  /** A version 4 UUID made from the seeded generator. */
  uuid(): string {
    const a = this.int(0, 0xffffffff);
    const b = this.int(0, 0xffff);
    const c = this.int(0, 0xfff);
    const d = this.int(0, 0x3fff) | 0x8000;
    const e = this.int(0, 0xffffff);
    const f = this.int(0, 0xffffff);
    return `${hex(a, 8)}-${hex(b, 4)}-4${hex(c, 3)}-${hex(d, 4)}-${hex(e, 6)}${hex(f, 6)}`;
  }
  /** A version 7 UUID for moment `ms`, as carenav gives audit rows (server/ids.ts). */
  uuidv7(ms: number): string {
    const time = hex(ms, 12);
    const c = this.int(0, 0xfff);
    const d = this.int(0, 0x3fff) | 0x8000;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(c, 3)}-${hex(d, 4)}-${hex(this.int(0, 0xffffff), 6)}${hex(this.int(0, 0xffffff), 6)}`;
  }
}

const GIVEN_NAMES = [
  'Margaret',
  'Dorothy',
  'Joan',
  'Patricia',
  'Barbara',
  'Jean',
  'Sheila',
  'Pauline',
  'Maureen',
  'Brenda',
  'Doreen',
  'Irene',
  'Eileen',
  'Sylvia',
  'Valerie',
  'Shirley',
  'Kathleen',
  'Mary',
  'Elizabeth',
  'Betty',
  'Audrey',
  'Gwendoline',
  'Winifred',
  'Edna',
  'Hilda',
  'Rita',
  'June',
  'Iris',
  'Vera',
  'Marjorie',
  'Arthur',
  'Kenneth',
  'Ronald',
  'Dennis',
  'Derek',
  'Raymond',
  'Brian',
  'Peter',
  'John',
  'David',
  'Michael',
  'Alan',
  'Roy',
  'Leonard',
  'Frank',
  'Harold',
  'Norman',
  'Stanley',
  'Albert',
  'Walter',
  'Geoffrey',
  'Trevor',
  'Colin',
  'Keith',
  'Malcolm',
  'Gordon',
  'Bernard',
  'Eric',
  'Terence',
  'Graham',
  'Ahmed',
  'Mohammed',
  'Gurdev',
  'Harjit',
  'Surinder',
  'Krishna',
  'Winston',
  'Delroy',
  'Hyacinth',
  'Gloria',
  'Bridget',
  'Siobhan',
  'Patrick',
  'Seamus',
  'Morag',
  'Hamish',
  'Gareth',
  'Rhiannon',
] as const;

const FAMILY_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Patel',
  'Khan',
  'Lewis',
  'James',
  'Phillips',
  'Mason',
  'Mitchell',
  'Rose',
  'Davis',
  'Rodriguez',
  'Cox',
  'Alexander',
  'Morgan',
  'Moore',
  'Mills',
  'King',
  'Lee',
  'Baker',
  'Harris',
  'Campbell',
  'Bell',
  'Marshall',
  'Ward',
  'Turner',
  'Hughes',
  'Edwards',
  'Cooper',
  'Hill',
  'Martin',
  'Allen',
  'Scott',
  'Young',
  'Morris',
  'Cook',
  'Carter',
  'Parker',
  'Bennett',
  'Shaw',
  'Chapman',
  'Harrison',
  'Greenwood',
  'Hussain',
  'Begum',
  'Ali',
  'Singh',
  'Kaur',
  'Shah',
  'Ahmed',
  'Murphy',
  "O'Brien",
  'McDonald',
  'Stewart',
  'Fletcher',
  'Barker',
  'Holmes',
  'Lawson',
  'Armstrong',
  'Hartley',
  'Atkinson',
  'Sutcliffe',
  'Ackroyd',
  'Haigh',
  'Brook',
  'Firth',
  'Dyson',
  'Hirst',
  'Crowther',
  'Lockwood',
  'Pickles',
  'Booth',
] as const;

const CONDITIONS = [
  'Heart failure',
  'COPD',
  'Type 2 diabetes',
  'Atrial fibrillation',
  'Chronic kidney disease',
  'Dementia',
  'Osteoarthritis',
  'Hypertension',
  'Parkinson’s disease',
  'Depression',
  'Asthma',
  'Osteoporosis',
  'Coronary heart disease',
  'Stroke',
  'Macular degeneration',
  'Hearing loss',
  'Frailty',
  'Cancer (in remission)',
] as const;

const AREAS = [
  'Northgate',
  'Eastfield',
  'Westbrook',
  'Southmoor',
  'Riverside',
  'Hillside',
  'Oakwood',
  'Millbank',
  'Castleton',
  'Fairfield',
];

const STREETS = ['Church Lane', 'Mill Road', 'Station Road', 'Victoria Street', 'Park Avenue', 'The Crescent', 'Moor Lane', 'High Street'];

const NOTES = [
  'Discussed medication and how the week has gone.',
  'Finds the stairs harder in the mornings; asked about a rail.',
  'Daughter visiting at weekends; feeling less isolated.',
  'Worried about heating costs this winter.',
  'Attended the lunch club and enjoyed it.',
  'Sleeping better since the new routine.',
  'Fall last week, no injury; GP aware.',
  'Wants to keep going to the allotment with help.',
];

const CONTACT_SUMMARIES = [
  'Checked in after the GP review',
  'Follow-up after hospital stay',
  'Talked through the care plan',
  'Arranged transport to clinic',
  'Welfare call',
  'Home visit with district nurse',
];

type Org = ReturnType<typeof organisationRow>;
type User = ReturnType<typeof userRow>;

/** Fills an empty, migrated database with a synthetic integrated care system. */
export function synthesize(db: Db, options: SynthOptions): SynthSummary {
  const { people, seed, until = DEFAULT_UNTIL, onProgress } = options;
  const sqlite = db.$client;
  const random = new Random(seed);
  const start = until - 3 * YEAR;
  const counts: SynthSummary = {};
  const writer = <T extends Parameters<typeof bulkInserter>[1]>(table: T, name: string) => {
    const insert = bulkInserter(sqlite, table);
    counts[name] = 0;
    return (row: T['$inferInsert']) => {
      insert(row);
      counts[name]!++;
    };
  };
  const put = {
    organisation: writer(organisations, 'organisations'),
    user: writer(users, 'users'),
    service: writer(services, 'services'),
    patient: writer(patients, 'patients'),
    careTeam: writer(careTeamMembers, 'care_team_members'),
    consent: writer(consents, 'consents'),
    event: writer(timelineEvents, 'timeline_events'),
    audit: writer(auditLog, 'audit_log'),
    referral: writer(referrals, 'referrals'),
    discharge: writer(discharges, 'discharges'),
    task: writer(tasks, 'tasks'),
    notification: writer(notifications, 'notifications'),
    wellbeing: writer(wellbeingScores, 'wellbeing_scores'),
    carerLink: writer(carerLinks, 'carer_links'),
    handoff: writer(namedContactHandoffs, 'named_contact_handoffs'),
    meeting: writer(mdtMeetings, 'mdt_meetings'),
    discussion: writer(mdtDiscussions, 'mdt_discussions'),
  };
  /** Each team's people, for the MDT meetings held at the end. */
  const teamPeople = new Map<string, string[]>();

  // ---- Organisations (~50) and staff (~1,000) -------------------------------------------------
  const orgs: Org[] = [];
  const staff = new Map<string, User[]>();
  const org = (kind: OrganisationKind, name: string, extra: Partial<Org> = {}) => {
    const row = organisationRow({
      id: random.uuid(),
      kind,
      name,
      phone: `0113 496 ${String(orgs.length).padStart(4, '0')}`,
      createdAt: start,
      ...extra,
    });
    put.organisation(row);
    orgs.push(row);
    staff.set(row.id, []);
    return row;
  };
  const teams = AREAS.map((area) => org('navigator_team', `${area} Care Navigation Team`));
  const practices = Array.from({ length: 20 }, (_, i) =>
    org('gp_practice', `${AREAS[i % AREAS.length]} ${i < 10 ? 'Medical Centre' : 'Surgery'}`, {
      odsCode: `Y${String(90000 + i)}`,
      navigatorTeamId: teams[i % teams.length]!.id,
    }),
  );
  const hospitals = ['Northshire General Hospital', 'Eastfield Royal Infirmary', 'Westbrook Community Hospital'].map((n) =>
    org('hospital_trust', n),
  );
  const socialCare = Array.from({ length: 6 }, (_, i) => org('adult_social_care', `Northshire Adult Social Care – ${AREAS[i]} Team`));
  const housing = Array.from({ length: 5 }, (_, i) => org('housing', `${AREAS[i * 2]} Housing Support`));
  const voluntary = ['Age Well Northshire', 'Northshire Carers Centre', 'Good Neighbours Befriending', 'Warm Homes Northshire'].map((n) =>
    org('voluntary', n),
  );
  const community = ['Northshire Community Nursing', 'Northshire Community Therapy'].map((n) => org('community_health', n));

  let userNumber = 0;
  const person = () => ({ given: random.pick(GIVEN_NAMES), family: random.pick(FAMILY_NAMES) });
  const addUser = (role: Role, organisation: Org | null, jobTitle: string) => {
    const { given, family } = person();
    userNumber++;
    const row = userRow({
      id: random.uuid(),
      role,
      name: `${given} ${family}`,
      email: `${given}.${family}.${userNumber}@synthetic.carenav.test`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      organisationId: organisation?.id ?? null,
      jobTitle,
      phone: `0113 496 ${String(userNumber % 10000).padStart(4, '0')}`,
      createdAt: start,
    });
    put.user(row);
    if (organisation) staff.get(organisation.id)!.push(row);
    return row;
  };
  for (const team of teams)
    for (let i = 0; i < 30; i++) addUser('navigator', team, i % 3 ? 'Care coordinator' : 'Social prescribing link worker');
  for (const practice of practices) for (let i = 0; i < 10; i++) addUser('gp_staff', practice, i < 4 ? 'GP' : 'Practice nurse');
  for (const hospital of hospitals) for (let i = 0; i < 50; i++) addUser('hospital_staff', hospital, 'Discharge coordinator');
  for (const team of socialCare) for (let i = 0; i < 25; i++) addUser('social_worker', team, 'Social worker');
  for (const o of [...housing, ...voluntary])
    for (let i = 0; i < 20; i++)
      addUser('service_worker', o, o.kind === 'housing' ? 'Housing support officer' : 'Community support worker');
  for (const o of community) for (let i = 0; i < 20; i++) addUser('service_worker', o, 'District nurse');
  for (let i = 0; i < 4; i++) addUser('admin', teams[i]!, 'System administrator');

  const bySector = (sector: Sector) => orgs.filter((o) => o.sector === sector).flatMap((o) => staff.get(o.id)!);
  const sectorStaff: Record<Exclude<Sector, 'carer'>, User[]> = {
    primary: bySector('primary'),
    secondary: bySector('secondary'),
    social: bySector('social'),
    housing: bySector('housing'),
    voluntary: bySector('voluntary'),
    community: bySector('community'),
  };
  const orgOf = new Map(orgs.map((o) => [o.id, o]));

  // ---- The directory: services linked to the organisations that receive referrals -------------
  const CATEGORY: Partial<Record<OrganisationKind, ServiceCategory>> = {
    adult_social_care: 'adult_social_care',
    housing: 'housing',
    voluntary: 'voluntary_community',
    community_health: 'community_health',
  };
  const linkedServices = [...socialCare, ...housing, ...voluntary, ...community].flatMap((o) =>
    ['Assessment', 'Support'].map((what) => {
      const row = serviceRow({
        id: random.uuid(),
        name: `${o.name}: ${what}`,
        providerName: o.name,
        organisationId: o.id,
        category: CATEGORY[o.kind]!,
        area: 'Northshire',
        contact: o.phone ?? '',
        createdAt: start,
        updatedAt: start,
      });
      put.service(row);
      return row;
    }),
  );

  sqlite
    .prepare(
      `CREATE TABLE IF NOT EXISTS ${SYNTHETIC_MARKER_TABLE} (seed INTEGER NOT NULL, people INTEGER NOT NULL, until INTEGER NOT NULL)`,
    )
    .run();
  sqlite.prepare(`INSERT INTO ${SYNTHETIC_MARKER_TABLE} (seed, people, until) VALUES (?, ?, ?)`).run(seed, people, until);

  // ---- People, each with their whole history, 1,000 to a transaction ---------------------------
  const heavy = HEAVY_TIMELINES.map((n) => Math.max(60, Math.round((n * people) / 100_000)));
  let nhsStem = 100_000;
  const nextNhsNumber = () => {
    for (;;) {
      const number = withCheckDigit(`999${String(nhsStem++).padStart(6, '0')}`);
      if (number) return number;
    }
  };
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const writePerson = (index: number) => {
    const practice = random.pick(practices);
    const team = orgOf.get(practice.navigatorTeamId!)!;
    const navigators = staff.get(team.id)!.filter((u) => u.role === 'navigator');
    const namedContact = random.chance(0.92) ? random.pick(navigators) : null;
    const { given, family } = person();
    const age = 65 + Math.floor(35 * random.float() ** 1.6);
    const birthday = new Date(until);
    birthday.setUTCFullYear(birthday.getUTCFullYear() - age);
    const dob = isoDay(birthday.getTime() - random.int(0, 364) * DAY);
    const createdAt = index < heavy.length ? start : start + Math.floor(random.float() ** 2 * 2.5 * YEAR);
    const conditions = [...new Set(Array.from({ length: random.int(2, 6) }, () => random.pick(CONDITIONS)))];
    while (conditions.length < 2) conditions.push(CONDITIONS[(conditions.length * 7 + index) % CONDITIONS.length]!);
    const risk = random.weighted<RiskLevel>([
      ['low', 50],
      ['medium', 35],
      ['high', 15],
    ]);
    const patientId = random.uuid();
    const members = teamPeople.get(team.id);
    if (members) members.push(patientId);
    else teamPeople.set(team.id, [patientId]);
    const eventCount = index < heavy.length ? heavy[index]! : 2 + Math.floor(30 * random.float() ** 2);
    const events: ReturnType<typeof timelineEventRow>[] = [];
    const actorFor = (): User => {
      if (namedContact && random.chance(0.5)) return namedContact;
      const sector = random.weighted<Exclude<Sector, 'carer'>>([
        ['primary', 45],
        ['secondary', 15],
        ['social', 15],
        ['housing', 8],
        ['voluntary', 10],
        ['community', 7],
      ]);
      return random.pick(sectorStaff[sector]);
    };
    const event = (kind: EventKind, at: number, actor: User, summary: string, extra: Partial<ReturnType<typeof timelineEventRow>> = {}) => {
      events.push(
        timelineEventRow({
          id: random.uuid(),
          patientId,
          kind,
          summary,
          occurredAt: at,
          recordedAt: at + random.int(0, 2) * HOUR,
          actorUserId: actor.id,
          organisationId: actor.organisationId,
          sector: orgOf.get(actor.organisationId!)!.sector,
          ...extra,
        }),
      );
    };
    const creator = namedContact ?? random.pick(navigators);
    event('patient_created', createdAt, creator, 'Added to carenav');
    for (let i = 1; i < eventCount; i++) {
      const at = random.between(createdAt, until);
      const actor = actorFor();
      const kind = random.weighted<EventKind>([
        ['contact', 40],
        ['note', 35],
        ['appointment', 10],
        ['record_updated', 8],
        ['care_team_changed', 4],
        ['consent_recorded', 3],
      ]);
      if (kind === 'contact')
        event('contact', at, actor, random.pick(CONTACT_SUMMARIES), {
          contactMethod: random.pick(CONTACT_METHODS),
          body: random.pick(NOTES),
        });
      else if (kind === 'note') event('note', at, actor, 'Note', { body: random.pick(NOTES), carerVisible: random.chance(0.1) });
      else if (kind === 'appointment') event('appointment', at, actor, 'Outpatient appointment', { body: 'Clinic letter received.' });
      else
        event(
          kind,
          at,
          actor,
          kind === 'record_updated' ? 'Record updated' : kind === 'care_team_changed' ? 'Care team changed' : 'Consent recorded',
        );
    }

    // Referrals: ~3 a person, in every status; open ones mostly recent.
    const personReferrals: ReturnType<typeof referralRow>[] = [];
    const referralCount =
      index < heavy.length
        ? 3
        : random.weighted([
            [0, 10],
            [1, 12],
            [2, 18],
            [3, 22],
            [4, 18],
            [5, 12],
            [6, 8],
          ]);
    // Consent to share recorded when a referral first needed it (below).
    const consentGiven = new Map<ConsentPurpose, number>();
    const referralConsents: ReturnType<typeof consentRow>[] = [];
    for (let i = 0; i < referralCount; i++) {
      const service = random.pick(linkedServices);
      const from = namedContact ?? random.pick(navigators);
      const sentAt = random.between(createdAt, until);
      // carenav refuses a referral its sector's sharing rule does not allow (send-referral.ts): a
      // referral to housing or a voluntary service follows the person's consent to share with it,
      // recorded by the referrer just before unless given already. (Some are withdrawn or refused
      // later, by the consents below, as happens.)
      const rule = sharingRuleFor(orgOf.get(service.organisationId!)!.sector);
      if (rule.kind === 'explicit_consent' && !((consentGiven.get(rule.purpose) ?? Infinity) <= sentAt)) {
        const decidedAt = Math.max(createdAt, sentAt - random.int(0, 2 * DAY));
        consentGiven.set(rule.purpose, Math.min(decidedAt, consentGiven.get(rule.purpose) ?? Infinity));
        referralConsents.push(
          consentRow({
            id: random.uuid(),
            patientId,
            purpose: rule.purpose,
            decision: 'granted',
            method: 'verbal',
            decidedAt,
            recordedAt: decidedAt,
            recordedByUserId: from.id,
          }),
        );
      }
      const recent = until - sentAt < 45 * DAY;
      const status = recent
        ? random.weighted<ReferralStatus>([
            ['sent', 25],
            ['accepted', 20],
            ['in_progress', 30],
            ['declined', 5],
            ['completed', 15],
            ['cancelled', 5],
          ])
        : random.weighted<ReferralStatus>([
            ['completed', 72],
            ['declined', 11],
            ['cancelled', 9],
            ['in_progress', 5],
            ['accepted', 2],
            ['sent', 1],
          ]);
      const urgency = random.weighted<Urgency>([
        ['urgent', 10],
        ['soon', 30],
        ['routine', 60],
      ]);
      const targetAt = sentAt + (urgency === 'urgent' ? 4 * HOUR : urgency === 'soon' ? 2 * DAY : 14 * DAY);
      const respondedAt = status === 'sent' || status === 'cancelled' ? null : sentAt + Math.floor(random.float() ** 2 * 20 * DAY);
      const closed = status === 'completed' || status === 'declined' || status === 'cancelled';
      const closedAt = closed ? Math.min(until, (respondedAt ?? sentAt) + random.int(1, 60) * DAY) : null;
      const receivers = staff.get(service.organisationId!)!;
      const aboutMeReused = random.chance(0.7);
      const row = referralRow({
        id: random.uuid(),
        patientId,
        serviceId: service.id,
        toOrganisationId: service.organisationId!,
        fromUserId: from.id,
        fromOrganisationId: from.organisationId,
        reason: 'Support to stay well at home',
        urgency,
        personWants: aboutMeReused ? 'To stay in my own home' : 'Help with the garden and shopping',
        aboutMeReused,
        status,
        ownerUserId: status === 'sent' || status === 'cancelled' ? null : random.pick(receivers).id,
        declineReason: status === 'declined' ? 'Does not meet the eligibility criteria' : null,
        outcome: status === 'completed' ? (random.chance(0.8) ? 'successful' : 'not_successful') : null,
        outcomeReason: null,
        cancelReason: status === 'cancelled' ? 'No longer needed' : null,
        targetAt,
        // Already flagged when overdue, so the scheduler does not flag the whole history at start-up.
        overdueNotifiedAt:
          (status === 'sent' && targetAt < until) || (respondedAt !== null && respondedAt > targetAt) ? targetAt + 60_000 : null,
        sentAt,
        respondedAt,
        closedAt,
        updatedAt: closedAt ?? respondedAt ?? sentAt,
      });
      if (row.outcome === 'not_successful') row.outcomeReason = 'Person declined the service';
      personReferrals.push(row);
      event('referral_sent', sentAt, from, `Referred to ${service.name}`, { subjectType: 'referral', subjectId: row.id });
      if (respondedAt)
        event(status === 'declined' ? 'referral_declined' : 'referral_accepted', respondedAt, random.pick(receivers), 'Referral answered', {
          subjectType: 'referral',
          subjectId: row.id,
        });
      if (status === 'completed' && closedAt)
        event('referral_completed', closedAt, random.pick(receivers), 'Referral completed', { subjectType: 'referral', subjectId: row.id });
    }

    // Discharges: about one in three people has had one or two.
    const personDischarges: ReturnType<typeof dischargeRow>[] = [];
    const personTasks: ReturnType<typeof taskRow>[] = [];
    const dischargeCount = random.weighted([
      [0, 65],
      [1, 25],
      [2, 10],
    ]);
    for (let i = 0; i < dischargeCount; i++) {
      const flaggedAt = random.between(createdAt, until);
      const expected = flaggedAt + random.int(0, 7) * DAY;
      const flagger = random.weighted<User[]>([
        [sectorStaff.secondary, 60],
        [staff.get(practice.id)!, 20],
        [navigators, 20],
      ]);
      const by = random.pick(flagger);
      const age = until - expected;
      const status: DischargeStatus =
        age < -2 * DAY
          ? random.weighted<DischargeStatus>([
              ['flagged', 60],
              ['planned', 40],
            ])
          : age < 3 * DAY
            ? random.weighted<DischargeStatus>([
                ['planned', 30],
                ['home', 50],
                ['followed_up', 20],
              ])
            : random.weighted<DischargeStatus>([
                ['closed', 80],
                ['followed_up', 15],
                ['home', 5],
              ]);
      const home = status === 'home' || status === 'followed_up' || status === 'closed';
      const homeAt = home ? expected + random.int(8, 18) * HOUR : null;
      const followedUp = status === 'followed_up' || status === 'closed';
      const followedUpAt = followedUp && homeAt ? homeAt + Math.floor(random.float() ** 2 * 96) * HOUR : null;
      const row = dischargeRow({
        id: random.uuid(),
        patientId,
        flaggedByUserId: by.id,
        flaggedByOrganisationId: by.organisationId,
        hospital: random.pick(hospitals).name,
        ward: `Ward ${random.int(1, 40)}`,
        expectedDate: isoDay(expected),
        pathway: random.weighted([
          [0, 50],
          [1, 35],
          [2, 10],
          [3, 5],
        ]),
        riskLevel: random.weighted<RiskLevel>([
          ['low', 20],
          ['medium', 45],
          ['high', 35],
        ]),
        concern: 'Lives alone; unsteady on feet',
        ask: 'Call within 48 hours of getting home',
        carerConsulted: random.chance(0.6),
        status,
        homeAt,
        followedUpAt,
        followedUpByUserId: followedUpAt ? (namedContact ?? random.pick(navigators)).id : null,
        followUpOutcome: followedUpAt ? 'Settled at home' : null,
        closedAt: status === 'closed' ? Math.min(until, (followedUpAt ?? expected) + 7 * DAY) : null,
        closedReason: status === 'closed' ? 'Settled' : null,
        createdAt: flaggedAt,
        updatedAt: flaggedAt,
      });
      personDischarges.push(row);
      event('discharge_flagged', flaggedAt, by, `Discharge flagged: ${row.hospital}`, { subjectType: 'discharge', subjectId: row.id });
      if (followedUpAt)
        event('contact', followedUpAt, namedContact ?? random.pick(navigators), 'Follow-up after getting home', {
          contactMethod: 'phone_call',
        });
      ['Confirm the discharge date', 'Check care package is in place', 'Follow-up contact after getting home'].forEach(
        (title, position) => {
          const done = status === 'closed' || status === 'followed_up' || (position === 0 && status !== 'flagged');
          const dueAt = position === 2 ? (homeAt ? homeAt + 48 * HOUR : null) : flaggedAt + (position + 1) * DAY;
          personTasks.push(
            taskRow({
              id: random.uuid(),
              patientId,
              title,
              assigneeUserId: done || random.chance(0.5) ? (namedContact ?? random.pick(navigators)).id : null,
              assigneeOrganisationId: team.id,
              dueAt,
              priority: row.riskLevel === 'high' ? 'high' : 'normal',
              status: done ? 'done' : 'open',
              origin: 'discharge',
              dischargeId: row.id,
              isFollowUp: position === 2,
              position,
              outcome: done && position === 2 ? 'Settled at home' : null,
              completedAt: done ? Math.min(until, (dueAt ?? flaggedAt) - HOUR) : null,
              completedByUserId: done ? (namedContact ?? random.pick(navigators)).id : null,
              // Already escalated when overdue, so the scheduler does not escalate the whole history at start-up.
              escalatedAt: !done && dueAt !== null && dueAt < until ? dueAt + 60_000 : null,
              createdByUserId: by.id,
              createdAt: flaggedAt,
              updatedAt: flaggedAt,
            }),
          );
        },
      );
    }
    if (random.chance(0.3)) {
      const dueAt = until + random.int(-10, 20) * DAY;
      personTasks.push(
        taskRow({
          id: random.uuid(),
          patientId,
          title: 'Review the support plan',
          assigneeUserId: namedContact?.id ?? null,
          assigneeOrganisationId: team.id,
          dueAt,
          status: random.weighted([
            ['open', 70],
            ['in_progress', 30],
          ]),
          escalatedAt: dueAt < until ? dueAt + 60_000 : null,
          createdByUserId: creator.id,
          createdAt: dueAt - 14 * DAY,
          updatedAt: dueAt - 14 * DAY,
        }),
      );
    }

    let lastContactAt: number | null = null;
    for (const e of events)
      if (e.kind === 'contact' && (lastContactAt === null || e.occurredAt > lastContactAt)) lastContactAt = e.occurredAt;
    put.patient(
      patientRow({
        id: patientId,
        nhsNumber: nextNhsNumber(),
        givenName: given,
        familyName: family,
        dateOfBirth: dob,
        address: `${random.int(1, 180)} ${random.pick(STREETS)}, ${practice.name.split(' ')[0]}`,
        postcode: `NS${random.int(1, 9)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
        phone: `01632 ${String(960000 + random.int(0, 999)).padStart(6, '0')}`,
        registeredPracticeId: practice.id,
        caseloadOrganisationId: team.id,
        namedContactUserId: namedContact?.id ?? null,
        status: random.chance(0.95) ? 'active' : 'closed',
        riskLevel: risk,
        conditions,
        aboutWhatMatters: 'To stay in my own home',
        nextAction: random.chance(0.5) ? 'Call after the next GP review' : '',
        lastContactAt,
        createdAt,
        updatedAt: createdAt,
      }),
    );
    for (const e of events) {
      put.event(e);
      put.audit(
        auditRow({
          id: random.uuidv7(e.recordedAt),
          at: e.recordedAt,
          userId: e.actorUserId,
          organisationId: e.organisationId,
          action: `timeline.${e.kind}`,
          patientId,
          outcome: 'granted',
          rule: 'care_team',
        }),
      );
    }
    for (let i = random.int(0, 4); i > 0; i--) {
      const reader = actorFor();
      const at = random.between(createdAt, until);
      put.audit(
        auditRow({
          id: random.uuidv7(at),
          at,
          userId: reader.id,
          role: reader.role,
          organisationId: reader.organisationId,
          action: 'patients.get',
          patientId,
          outcome: 'granted',
          rule: 'care_team',
        }),
      );
    }
    for (const r of personReferrals) put.referral(r);
    for (const d of personDischarges) put.discharge(d);
    for (const t of personTasks) put.task(t);

    for (const c of referralConsents) put.consent(c);
    // Consents: sharing with each sector, sometimes withdrawn later.
    const purposes: ConsentPurpose[] = ['adult_social_care', 'housing', 'voluntary_services'];
    for (const purpose of purposes) {
      if (!random.chance(0.6)) continue;
      const decidedAt = random.between(createdAt, until);
      put.consent(
        consentRow({
          id: random.uuid(),
          patientId,
          purpose,
          decision: random.chance(0.9) ? 'granted' : 'refused',
          method: 'verbal',
          decidedAt,
          recordedAt: decidedAt,
          recordedByUserId: creator.id,
        }),
      );
      if (random.chance(0.05)) {
        const later = random.between(decidedAt, until);
        put.consent(
          consentRow({
            id: random.uuid(),
            patientId,
            purpose,
            decision: 'withdrawn',
            method: 'written',
            decidedAt: later,
            recordedAt: later,
            recordedByUserId: creator.id,
          }),
        );
      }
    }
    // Care team: the GP and people from other sectors.
    const gp = random.pick(staff.get(practice.id)!);
    put.careTeam(
      careTeamMemberRow({
        id: random.uuid(),
        patientId,
        userId: gp.id,
        name: gp.name,
        role: 'GP',
        organisationId: practice.id,
        organisationName: practice.name,
        addedAt: createdAt,
      }),
    );
    for (let i = random.int(0, 3); i > 0; i--) {
      const sector = random.pick(['social', 'housing', 'voluntary', 'community'] as const);
      const member = random.pick(sectorStaff[sector]);
      const memberOrg = orgOf.get(member.organisationId!)!;
      put.careTeam(
        careTeamMemberRow({
          id: random.uuid(),
          patientId,
          userId: member.id,
          name: member.name,
          role: member.jobTitle ?? 'Key worker',
          organisationId: memberOrg.id,
          organisationName: memberOrg.name,
          addedAt: createdAt + DAY,
        }),
      );
    }
    // Wellbeing (ONS4): a baseline for some, a follow-up for fewer.
    if (random.chance(0.3)) {
      const answered = random.between(createdAt, until - 90 * DAY);
      const score = () => random.int(2, 8);
      put.wellbeing(
        wellbeingRow({
          id: random.uuid(),
          patientId,
          kind: 'baseline',
          lifeSatisfaction: score(),
          worthwhile: score(),
          happiness: score(),
          anxiety: score(),
          answeredOn: isoDay(answered),
          recordedByUserId: creator.id,
          recordedAt: answered,
        }),
      );
      if (random.chance(0.6)) {
        const later = answered + random.int(60, 90) * DAY;
        put.wellbeing(
          wellbeingRow({
            id: random.uuid(),
            patientId,
            kind: 'follow_up',
            lifeSatisfaction: score() + 1,
            worthwhile: score() + 1,
            happiness: score(),
            anxiety: score() - 1,
            answeredOn: isoDay(later),
            recordedByUserId: creator.id,
            recordedAt: later,
          }),
        );
      }
    }
    // A family carer for about one in fifty, with the person's consent.
    if (random.chance(0.02)) {
      const carer = addUser('carer', null, '');
      const decidedAt = random.between(createdAt, until);
      const consent = consentRow({
        id: random.uuid(),
        patientId,
        purpose: 'named_carer',
        decision: 'granted',
        method: 'written',
        carerName: carer.name,
        decidedAt,
        recordedAt: decidedAt,
        recordedByUserId: creator.id,
      });
      put.consent(consent);
      put.carerLink(
        carerLinkRow({
          id: random.uuid(),
          carerUserId: carer.id,
          patientId,
          relationship: random.pick(['Daughter', 'Son', 'Husband', 'Wife', 'Niece']),
          carerKey: consent.carerKey,
          createdAt: decidedAt,
        }),
      );
    }
    // Hand-overs of the named contact, and the named contact's notifications.
    if (namedContact && random.chance(0.05)) {
      const from = random.pick(navigators);
      const createdOn = random.between(createdAt, until);
      put.handoff({
        id: random.uuid(),
        patientId,
        fromUserId: from.id,
        toUserId: namedContact.id,
        status: 'accepted',
        createdAt: createdOn,
        decidedAt: createdOn + random.int(1, 72) * HOUR,
      });
    }
    if (namedContact && random.chance(0.2)) {
      const at = random.between(until - 30 * DAY, until);
      put.notification(
        notificationRow({
          id: random.uuid(),
          userId: namedContact.id,
          kind: 'task_assigned',
          title: 'A task was assigned to you',
          link: `/patients/${patientId}`,
          createdAt: at,
          readAt: random.chance(0.7) ? at + HOUR : null,
        }),
      );
    }
  };

  const BATCH = 1_000;
  for (let from = 0; from < people; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(people, from + BATCH); i++) writePerson(i);
    })();
    onProgress?.(Math.min(people, from + BATCH));
  }

  // Weekly MDT meetings of each navigator team over the last 12 weeks, five people discussed at each.
  sqlite.transaction(() => {
    for (const team of teams) {
      const members = teamPeople.get(team.id) ?? [];
      const chair = staff.get(team.id)!.find((u) => u.role === 'navigator')!;
      for (let week = 12; week >= 1 && members.length > 0; week--) {
        const heldAt = until - week * 7 * DAY;
        const meeting = mdtMeetingRow({
          id: random.uuid(),
          organisationId: team.id,
          heldOn: isoDay(heldAt),
          attendees: `${chair.name}\nGP\nSocial worker\nDistrict nurse`,
          recordedByUserId: chair.id,
          createdAt: heldAt,
        });
        put.meeting(meeting);
        for (let i = 0; i < 5; i++) {
          put.discussion(
            mdtDiscussionRow({
              id: random.uuid(),
              meetingId: meeting.id,
              patientId: random.pick(members),
              note: 'Reviewed the plan; actions agreed.',
              recordedByUserId: chair.id,
              createdAt: heldAt + i * 60_000,
            }),
          );
        }
      }
    }
  })();
  return counts;
}
