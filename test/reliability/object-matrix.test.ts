/**
 * The object dimension of the authorization matrix (issue #16): for every procedure that takes an
 * object id, a caller who may see the PERSON asks about an object that belongs to them, to a
 * colleague, to their team's queue or to another organisation, open or closed. The person-level
 * check passes in every cell (see `personFor`), so what is tested is the rule about the object.
 * Every expected outcome is written down by hand below; every call must leave exactly one audit row.
 *
 * In carenav an organisation is the team (a navigator team, an adult social care team, a housing
 * provider): there is no "my organisation but not my team" to test, so `colleague` (another user
 * of my organisation) and `team` (my organisation's queue, nobody's yet) stand for both.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID as newId } from 'node:crypto';
import { and, eq, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, discharges, mdtMeetings, namedContactHandoffs, referrals, services, tasks } from '../../db/schema';
import {
  dischargeRow,
  insertCareTeamMember,
  insertConsent,
  insertOrganisation,
  insertPatient,
  mdtMeetingRow,
  referralRow,
  serviceRow,
  taskRow,
} from '../../db/factories';
import { USE_CASES, USE_CASES_BY_NAME } from '../../server/use-cases/registry';
import type { AnyUseCase, ObjectKind } from '../../server/use-cases/define';
import { callByPath } from './procedures';
import { testDb } from '../db';
import { makeWorld } from '../world';

type Outcome = 'OK' | 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND';

/** Who the object belongs to, from the caller's side. */
type Owner =
  /** I have it: assigned to me, I flagged it, it was offered to me, my team received it and I own it. */
  | 'mine'
  /** I offered / sent it (hand-overs). */
  | 'by_me'
  /** A colleague in my organisation has it (assigned to, flagged by, offered to, sent by them). */
  | 'colleague'
  /** My organisation's queue, nobody's yet (tasks, referrals received). */
  | 'team'
  /** Another organisation's queue, or sent to another organisation. */
  | 'other_org'
  /** A named person in another organisation has it. */
  | 'other_person';

/** Open or one of the ways the object closes. */
type State = 'open' | 'done' | 'cancelled' | 'completed' | 'followed_up' | 'closed' | 'accepted' | 'declined';
type ObjCell = `${Owner}/${State}`;

/** The callers: each one may see the person the object is about (see `personFor`). */
type CallerKey = 'navigator' | 'social' | 'housing' | 'hospital';
type Kind = Exclude<ObjectKind, 'patient'> | 'meeting';

type Row = {
  caller: CallerKey;
  /** Why the caller passes the person-level check. */
  because: string;
  /** The input sent, from the object's id (and the person's). Defaults to only the id. */
  input?: (id: string, patientId: string) => unknown;
  /** Every cell this row tests, with what the product should answer. */
  cells: Partial<Record<ObjCell, Outcome>>;
  /** For referrals: whether the caller is the receiving side (default) or the referrer. */
  side?: 'receiver' | 'sender';
  /**
   * Housing: the object is the caller's only link to the person (by default their team also has
   * another open referral for the person, so the person-level check passes whatever the object).
   */
  onlyLink?: boolean;
};

const KEY_OF: Record<Kind, string> = {
  discharge: 'dischargeId',
  task: 'taskId',
  referral: 'referralId',
  handoff: 'handoffId',
  meeting: 'meetingId',
};

/** Use cases about an object whose subject is not (yet) an object kind: found by their input's id. */
const EXTRA_OBJECT_KEYS: Record<string, Kind> = { meetingId: 'meeting' };

const CLOSE = { to: 'closed', closedReason: 'Readmitted to hospital' } as const;

/*
 * Reading. Anyone who may see the person's record reads its tasks, discharges and referrals; a
 * housing or voluntary team that only received a referral sees the referrals sent to it (open or
 * closed) and never one sent to another organisation; hospital staff see only the discharge they flagged.
 */
const ALL_OK_TASK: Partial<Record<ObjCell, Outcome>> = Object.fromEntries(
  (['mine', 'colleague', 'team', 'other_org', 'other_person'] as const).flatMap((o) =>
    (['open', 'done', 'cancelled'] as const).map((s) => [`${o}/${s}`, 'OK']),
  ),
);

/**
 * Working a task: only the person who has it or their team. Taking one (pick up, start) is from
 * my own team's queue only, and never from under a colleague who has it (a domain conflict within
 * the team); another organisation's task is refused whoever has it there. A finished task cannot
 * be worked by anyone: CONFLICT (its status is no secret from someone who may read the task).
 */
const closedTask = (o: Owner) => ({ [`${o}/done`]: 'CONFLICT', [`${o}/cancelled`]: 'CONFLICT' }) as Partial<Record<ObjCell, Outcome>>;
const CLOSED_TASKS = {
  ...closedTask('mine'),
  ...closedTask('colleague'),
  ...closedTask('team'),
  ...closedTask('other_org'),
  ...closedTask('other_person'),
};

const TABLE: Record<string, Row[]> = {
  'discharges.get': [
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'other_org/open': 'OK',
        'mine/followed_up': 'OK',
        'colleague/followed_up': 'OK',
        'other_org/followed_up': 'OK',
        'mine/closed': 'OK',
        'colleague/closed': 'OK',
        'other_org/closed': 'OK',
      },
    },
    {
      // The one caller whose access to the person IS the object: the discharge they flagged.
      caller: 'hospital',
      because: 'I flagged this discharge (only that one)',
      cells: {
        'mine/open': 'OK',
        // A ward colleague's flag is not mine: hospital staff see only what they flagged.
        'colleague/open': 'FORBIDDEN',
        'other_org/open': 'FORBIDDEN',
        // The flagger sees the outcome.
        'mine/closed': 'OK',
        'colleague/closed': 'FORBIDDEN',
        'other_org/closed': 'FORBIDDEN',
      },
    },
  ],
  // Closing early cancels the checklist, so it follows the task rule: only the team whose tasks they are.
  'discharges.changeStatus': [
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (dischargeId) => ({ dischargeId, ...CLOSE }),
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'other_org/open': 'FORBIDDEN',
        'mine/closed': 'CONFLICT',
        'colleague/closed': 'CONFLICT',
        'other_org/closed': 'CONFLICT',
      },
    },
  ],

  'tasks.get': [{ caller: 'social', because: 'I am on the person’s care team', cells: ALL_OK_TASK }],
  'tasks.pickUp': [
    {
      caller: 'social',
      because: 'I am on the person’s care team',
      cells: {
        'mine/open': 'CONFLICT',
        'colleague/open': 'CONFLICT',
        'team/open': 'OK',
        'other_org/open': 'FORBIDDEN',
        'other_person/open': 'FORBIDDEN',
        ...CLOSED_TASKS,
      },
    },
  ],
  'tasks.start': [
    {
      caller: 'social',
      because: 'I am on the person’s care team',
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'CONFLICT',
        'team/open': 'OK',
        'other_org/open': 'FORBIDDEN',
        'other_person/open': 'FORBIDDEN',
        ...CLOSED_TASKS,
      },
    },
  ],
  'tasks.complete': [
    {
      caller: 'social',
      because: 'I am on the person’s care team',
      input: (taskId) => ({ taskId, outcome: 'Spoke to the person' }),
      cells: {
        'mine/open': 'OK',
        // Covering for a colleague in my team.
        'colleague/open': 'OK',
        'team/open': 'OK',
        'other_org/open': 'FORBIDDEN',
        'other_person/open': 'FORBIDDEN',
        ...CLOSED_TASKS,
      },
    },
  ],
  'tasks.cancel': [
    {
      caller: 'social',
      because: 'I am on the person’s care team',
      input: (taskId) => ({ taskId, reason: 'No longer needed' }),
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'team/open': 'OK',
        // A care-team social worker must not cancel another team's task.
        'other_org/open': 'FORBIDDEN',
        'other_person/open': 'FORBIDDEN',
        ...CLOSED_TASKS,
      },
    },
  ],

  'referrals.get': [
    {
      caller: 'housing',
      because: 'my organisation has an open referral for the person (not on the care team)',
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'team/open': 'OK',
        // A housing worker must not open a referral to social care about the same person.
        'other_person/open': 'FORBIDDEN',
        'mine/completed': 'OK',
        // Closed referrals are not the team's to read, even while another is open (decision 016).
        'team/cancelled': 'FORBIDDEN',
        'other_person/completed': 'FORBIDDEN',
        'other_person/cancelled': 'FORBIDDEN',
      },
    },
    {
      // #17 item 2: once finished (completed or declined), whoever worked it for the receiving team
      // looks back at that referral, read-only; the rest of the team, and a cancelled one, not.
      caller: 'housing',
      onlyLink: true,
      because: 'the referral itself is my only link to the person (not on the care team)',
      cells: {
        'mine/open': 'OK',
        'team/open': 'OK',
        'mine/completed': 'OK',
        'mine/declined': 'OK',
        'colleague/completed': 'FORBIDDEN',
        'team/completed': 'FORBIDDEN',
        'mine/cancelled': 'FORBIDDEN',
        'other_person/completed': 'FORBIDDEN',
      },
    },
    {
      caller: 'navigator',
      side: 'sender',
      because: 'the person is on my team’s caseload',
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'other_org/open': 'OK',
        'mine/completed': 'OK',
        'other_org/cancelled': 'OK',
      },
    },
  ],
  'referrals.update': [
    {
      // The receiving team works it (anyone in it, covering): complete, from accepted.
      caller: 'housing',
      because: 'my organisation has an open referral for the person (not on the care team)',
      input: (referralId) => ({ referralId, action: 'complete', outcome: 'successful', note: 'Moved to a ground-floor flat' }),
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'team/open': 'OK',
        'other_person/open': 'FORBIDDEN',
        // A closed referral is out of the team's reach: refused, with the reason (finished, or closed).
        'mine/completed': 'FORBIDDEN',
        'mine/cancelled': 'FORBIDDEN',
        'team/completed': 'FORBIDDEN',
        'other_person/completed': 'FORBIDDEN',
        'other_person/cancelled': 'FORBIDDEN',
      },
    },
    {
      // Looking back at a finished referral I worked is read-only (#17 item 2).
      caller: 'housing',
      onlyLink: true,
      because: 'the referral itself is my only link to the person (not on the care team)',
      input: (referralId) => ({ referralId, action: 'complete', outcome: 'successful', note: 'Moved to a ground-floor flat' }),
      cells: {
        'mine/open': 'OK',
        'team/open': 'OK',
        'mine/completed': 'FORBIDDEN',
        'mine/declined': 'FORBIDDEN',
        'colleague/completed': 'FORBIDDEN',
      },
    },
    {
      // Only the team that sent a referral withdraws it.
      caller: 'navigator',
      side: 'sender',
      because: 'the person is on my team’s caseload',
      input: (referralId) => ({ referralId, action: 'cancel', reason: 'The person moved away' }),
      cells: {
        'mine/open': 'OK',
        'colleague/open': 'OK',
        'other_org/open': 'FORBIDDEN',
        'mine/completed': 'CONFLICT',
        'mine/cancelled': 'CONFLICT',
        'colleague/completed': 'CONFLICT',
        // Not ours to cancel, closed or not: refused before its status is looked at.
        'other_org/completed': 'FORBIDDEN',
      },
    },
  ],

  // Only the person offered a hand-over accepts or declines it; only whoever offered it (or the
  // person's current named contact) withdraws it. An answered hand-over cannot be answered again.
  'handoffs.respond': [
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (handoffId) => ({ handoffId, response: 'accept' }),
      cells: {
        'mine/open': 'OK',
        'by_me/open': 'FORBIDDEN',
        'colleague/open': 'FORBIDDEN',
        'other_org/open': 'FORBIDDEN',
        'mine/accepted': 'CONFLICT',
        'mine/declined': 'CONFLICT',
        'colleague/accepted': 'CONFLICT',
        'other_org/declined': 'CONFLICT',
      },
    },
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (handoffId) => ({ handoffId, response: 'decline' }),
      cells: {
        'mine/open': 'OK',
        'by_me/open': 'FORBIDDEN',
        'colleague/open': 'FORBIDDEN',
        'other_org/open': 'FORBIDDEN',
        'mine/accepted': 'CONFLICT',
        'mine/declined': 'CONFLICT',
      },
    },
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (handoffId) => ({ handoffId, response: 'withdraw' }),
      cells: {
        // Offered to me: I decline it instead.
        'mine/open': 'FORBIDDEN',
        'by_me/open': 'OK',
        // A colleague's offer to someone else: neither the offerer nor the named contact.
        'colleague/open': 'FORBIDDEN',
        'other_org/open': 'FORBIDDEN',
        'by_me/accepted': 'CONFLICT',
        'by_me/declined': 'CONFLICT',
      },
    },
  ],

  // A meeting is its navigator team's: another team's meeting is not found (not even its existence).
  'mdt.meeting': [
    {
      caller: 'navigator',
      because: 'a navigator works MDT meetings (role); the meeting decides',
      cells: { 'mine/open': 'OK', 'colleague/open': 'OK', 'other_org/open': 'NOT_FOUND' },
    },
  ],
  // About one person (their subject) and one meeting (named by meetingId): only my team's meeting.
  'mdt.recordDiscussion': [
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (meetingId, patientId) => ({ meetingId, patientId, note: 'Agreed to review the care package' }),
      cells: { 'mine/open': 'OK', 'colleague/open': 'OK', 'other_org/open': 'NOT_FOUND' },
    },
  ],
  // Choosing people for a meeting, and taking one off its list: only my team's meeting.
  'mdt.choosePeople': [
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (meetingId, patientId) => ({ meetingId, patientIds: [patientId] }),
      cells: { 'mine/open': 'OK', 'colleague/open': 'OK', 'other_org/open': 'NOT_FOUND' },
    },
  ],
  'mdt.unchoosePerson': [
    {
      caller: 'navigator',
      because: 'the person is on my team’s caseload',
      input: (meetingId, patientId) => ({ meetingId, patientId }),
      cells: { 'mine/open': 'OK', 'colleague/open': 'OK', 'other_org/open': 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Building one cell: the caller, a colleague and a stranger, the person, and the object.

const HOUR = 3_600_000;

async function setUp(db: Db, callerKey: CallerKey, onlyLink = false) {
  const w = await makeWorld(db);
  const otherTeam = await insertOrganisation(db, { name: 'Other nav team', kind: 'navigator_team' });
  const people = {
    navigator: {
      me: w.navigator,
      colleague: w.navigator2,
      stranger: await w.addUser('navigator', otherTeam.id, 'primary', 'Oscar Other'),
      stranger2: await w.addUser('navigator', otherTeam.id, 'primary', 'Olive Other'),
    },
    social: {
      me: w.socialWorker,
      colleague: await w.addUser('social_worker', w.orgs.socialCare.id, 'social', 'Sol Colleague'),
      // The person's navigator team: its work is not social care's.
      stranger: w.navigator,
      stranger2: w.navigator2,
    },
    housing: {
      me: w.housingWorker,
      colleague: await w.addUser('service_worker', w.orgs.housing.id, 'housing', 'Hal Colleague'),
      // Adult social care: a referral to them is not housing's business.
      stranger: w.socialWorker,
      stranger2: w.socialWorker,
    },
    hospital: {
      me: w.hospitalStaff,
      colleague: await w.addUser('hospital_staff', w.orgs.hospital.id, 'secondary', 'Ward Colleague'),
      stranger: w.gp,
      stranger2: w.gp,
    },
  }[callerKey];

  // The person: on the caller's caseload / care team / with a referral to the caller's organisation.
  const person = await insertPatient(db, {
    givenName: 'Patricia',
    familyName: 'Person',
    registeredPracticeId: w.orgs.practice.id,
    caseloadOrganisationId: callerKey === 'navigator' ? w.orgs.navTeam.id : otherTeam.id,
    namedContactUserId: callerKey === 'navigator' ? w.navigator2.row.id : null,
  });
  const patientId = person.id;
  await insertConsent(db, {
    patientId,
    purpose: 'housing',
    decision: 'granted',
    recordedByUserId: w.navigator.row.id,
    decidedAt: Date.now() - HOUR,
  });
  if (callerKey === 'social') {
    await insertCareTeamMember(db, {
      patientId,
      userId: people.me.row.id,
      name: people.me.actor.name,
      organisationId: people.me.actor.organisationId,
      organisationName: 'Social care',
    });
  }
  const serviceOf = async (organisationId: string) => {
    const row = serviceRow({ category: 'voluntary_community', organisationId });
    await db.insert(services).values(row).run();
    return row;
  };
  if (callerKey === 'housing' && !onlyLink) {
    // The housing team's own open referral: its only link to the person.
    const s = await serviceOf(w.orgs.housing.id);
    await db
      .insert(referrals)
      .values(
        referralRow({
          patientId,
          serviceId: s.id,
          toOrganisationId: w.orgs.housing.id,
          fromUserId: w.navigator.row.id,
          fromOrganisationId: w.orgs.navTeam.id,
        }),
      )
      .run();
  }
  return { w, people, patientId, serviceOf, otherTeam };
}
type Setup = Awaited<ReturnType<typeof setUp>>;

/** Who holds the object for `owner`: [user or null, organisation]. */
function holder(s: Setup, owner: Owner): [string | null, string] {
  const { me, colleague, stranger } = s.people;
  const orgOf = (u: typeof me) => u.actor.organisationId!;
  switch (owner) {
    case 'mine':
    case 'by_me':
      return [me.row.id, orgOf(me)];
    case 'colleague':
      return [colleague.row.id, orgOf(colleague)];
    case 'team':
      return [null, orgOf(me)];
    case 'other_org':
      return [null, orgOf(stranger)];
    case 'other_person':
      return [stranger.row.id, orgOf(stranger)];
  }
}

async function buildObject(db: Db, s: Setup, kind: Kind, owner: Owner, state: State, row: Row): Promise<string> {
  const now = Date.now();
  const [userId, orgId] = holder(s, owner);
  const { patientId } = s;
  switch (kind) {
    case 'task': {
      const status = state === 'open' ? 'open' : state === 'done' ? 'done' : 'cancelled';
      const t = taskRow({
        patientId,
        assigneeOrganisationId: orgId,
        assigneeUserId: userId,
        createdByUserId: s.w.navigator.row.id,
        status,
        ...(status === 'open' ? {} : { completedAt: now, completedByUserId: userId ?? s.people.stranger.row.id }),
      });
      await db.insert(tasks).values(t).run();
      return t.id;
    }
    case 'discharge': {
      const flagger = owner === 'mine' ? s.people.me : owner === 'colleague' ? s.people.colleague : s.people.stranger;
      const d = dischargeRow({
        patientId,
        flaggedByUserId: flagger.row.id,
        flaggedByOrganisationId: flagger.actor.organisationId,
        status: state === 'open' ? 'flagged' : state === 'followed_up' ? 'followed_up' : 'closed',
        ...(state === 'closed' ? { closedAt: now, closedReason: 'Died' } : {}),
      });
      await db.insert(discharges).values(d).run();
      // Its checklist: an unfinished task held by the same owner (me / my team's queue / the other team's queue).
      const [taskUser, taskOrg] = holder(s, owner === 'colleague' ? 'team' : owner);
      await db
        .insert(tasks)
        .values(
          taskRow({
            patientId,
            dischargeId: d.id,
            origin: 'discharge',
            assigneeOrganisationId: taskOrg,
            assigneeUserId: taskUser,
            createdByUserId: flagger.row.id,
            ...(state === 'open' ? {} : { status: 'done', completedAt: now, completedByUserId: flagger.row.id }),
          }),
        )
        .run();
      return d.id;
    }
    case 'referral': {
      const status =
        state === 'open'
          ? row.side === 'sender'
            ? 'sent'
            : 'accepted'
          : state === 'completed' || state === 'declined'
            ? state
            : 'cancelled';
      const closed = status === 'sent' || status === 'accepted' ? {} : { closedAt: now };
      if (row.side === 'sender') {
        // Sent by me / a colleague / another team, to a voluntary service.
        const from = owner === 'mine' ? s.people.me : owner === 'colleague' ? s.people.colleague : s.people.stranger;
        const svc = await s.serviceOf(s.w.orgs.voluntary.id);
        const r = referralRow({
          patientId,
          serviceId: svc.id,
          toOrganisationId: s.w.orgs.voluntary.id,
          fromUserId: from.row.id,
          fromOrganisationId: from.actor.organisationId,
          status,
          ...closed,
        });
        await db.insert(referrals).values(r).run();
        return r.id;
      }
      // Received: to my organisation (owned by me, a colleague or nobody yet), or to another one.
      const svc = await s.serviceOf(orgId);
      const r = referralRow({
        patientId,
        serviceId: svc.id,
        toOrganisationId: orgId,
        ownerUserId: userId,
        fromUserId: s.w.navigator.row.id,
        fromOrganisationId: s.w.orgs.navTeam.id,
        status,
        ...closed,
      });
      await db.insert(referrals).values(r).run();
      return r.id;
    }
    case 'handoff': {
      const { me, colleague, stranger, stranger2 } = s.people;
      const [from, to] =
        owner === 'mine'
          ? [colleague, me]
          : owner === 'by_me'
            ? [me, stranger]
            : owner === 'colleague'
              ? [colleague, stranger]
              : [stranger, stranger2];
      const id = newId();
      await db
        .insert(namedContactHandoffs)
        .values({
          id,
          patientId,
          fromUserId: from.row.id,
          toUserId: to.row.id,
          note: 'Moving to your area',
          status: state === 'open' ? 'pending' : state === 'accepted' ? 'accepted' : 'declined',
          createdAt: now,
          ...(state === 'open' ? {} : { decidedAt: now }),
        })
        .run();
      return id;
    }
    case 'meeting': {
      const by = owner === 'mine' ? s.people.me : owner === 'colleague' ? s.people.colleague : s.people.stranger;
      const m = mdtMeetingRow({ organisationId: by.actor.organisationId!, recordedByUserId: by.row.id });
      await db.insert(mdtMeetings).values(m).run();
      return m.id;
    }
  }
}

// ---------------------------------------------------------------------------------------------

const OBJECT_KINDS: readonly string[] = ['discharge', 'task', 'referral', 'handoff'];

function inputKeysOf(uc: AnyUseCase): string[] {
  const shape = (uc.input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The kind of object a use case is about, if any: its subject, or an object id in its input. */
function objectKindOf(uc: AnyUseCase): Kind | undefined {
  if (OBJECT_KINDS.includes(uc.subject.kind)) return uc.subject.kind as Kind;
  const extra = inputKeysOf(uc).find((k) => k in EXTRA_OBJECT_KEYS);
  return extra ? EXTRA_OBJECT_KEYS[extra] : undefined;
}

const OBJECT_PROCEDURES = Object.values(USE_CASES_BY_NAME).filter((uc) => objectKindOf(uc));

function inputFor(path: string, row: Row, id: string, patientId: string): unknown {
  return row.input ? row.input(id, patientId) : { [KEY_OF[objectKindOf(USE_CASES_BY_NAME[path]!)!]]: id };
}

describe('authorization: every object procedure × whose object × open or closed', () => {
  it('has a row for every declared use case about an object, and only those', () => {
    const declared = OBJECT_PROCEDURES.map((uc) => uc.name).sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(Object.keys(TABLE).sort()).toEqual(declared);
    for (const [path, rows] of Object.entries(TABLE)) {
      expect(rows.length, path).toBeGreaterThan(0);
      // Each row tests at least mine and someone else's, open and closed (meetings have no closed state).
      for (const row of rows) {
        const cells = Object.keys(row.cells);
        expect(
          cells.some((c) => c.startsWith('mine/') || c.startsWith('by_me/')),
          path,
        ).toBe(true);
        expect(
          cells.some((c) => /^(other_org|other_person|colleague)\//.test(c)),
          path,
        ).toBe(true);
        if (objectKindOf(USE_CASES_BY_NAME[path]!) !== 'meeting')
          expect(
            cells.some((c) => !c.endsWith('/open')),
            path,
          ).toBe(true);
      }
    }
  });

  it('every declaration has its registry path as name, a permission and a subject; object ones need their key', () => {
    const problems: string[] = [];
    for (const [area, useCases] of Object.entries(USE_CASES)) {
      for (const [verb, uc] of Object.entries(useCases as Record<string, AnyUseCase>)) {
        const path = `${area}.${verb}`;
        if (!uc.name || uc.name !== path) problems.push(`${path}: name is "${uc.name}"`);
        if (!uc.permission) problems.push(`${path}: no permission`);
        if (!uc.subject || !['public', 'own', 'role', 'patient', ...OBJECT_KINDS].includes(uc.subject.kind)) {
          problems.push(`${path}: no subject`);
        }
        if (USE_CASES_BY_NAME[path] !== uc) problems.push(`${path}: not registered under its name`);
        if ('key' in uc.subject && uc.subject.key !== KEY_OF[uc.subject.kind as Kind] && uc.subject.kind !== 'patient') {
          problems.push(`${path}: subject key ${uc.subject.key}`);
        }
      }
    }
    // An object use case accepts the input this matrix sends, and refuses it without the id.
    for (const uc of OBJECT_PROCEDURES) {
      const key = KEY_OF[objectKindOf(uc)!];
      for (const row of TABLE[uc.name] ?? []) {
        const input = inputFor(uc.name, row, newId(), newId()) as Record<string, unknown>;
        const schema = uc.input as z.ZodType;
        if (!schema.safeParse(input).success) problems.push(`${uc.name}: refuses the valid input`);
        const { [key]: _id, ...without } = input;
        if (schema.safeParse(without).success) problems.push(`${uc.name}: accepts an input with no ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  for (const [path, rows] of Object.entries(TABLE)) {
    rows.forEach((row, i) => {
      it(`${path} #${i + 1} (${row.caller}: ${row.because}): every object cell answers as the table says, with one audit row`, async () => {
        const uc = USE_CASES_BY_NAME[path]!;
        const kind = objectKindOf(uc)!;
        const mismatches: string[] = [];
        for (const [cell, want] of Object.entries(row.cells) as [ObjCell, Outcome][]) {
          const [owner, state] = cell.split('/') as [Owner, State];
          const db = testDb();
          const s = await setUp(db, row.caller, row.onlyLink);
          const id = await buildObject(db, s, kind, owner, state, row);
          const { code, message } = await callByPath(db, s.people.me.actor, path, inputFor(path, row, id, s.patientId));
          if (code === 'INTERNAL_SERVER_ERROR' || code === 'THROWN') throw new Error(`${path} ${cell} failed: ${message}`);
          if (code !== want) mismatches.push(`${cell}: expected ${want}, got ${code} (${message})`);
          const audit = await db
            .select({ outcome: auditLog.outcome, patientId: auditLog.patientId })
            .from(auditLog)
            .where(and(eq(auditLog.userId, s.people.me.row.id), or(eq(auditLog.action, path), like(auditLog.action, `${path}:%`))))
            .all();
          if (audit.length !== 1) mismatches.push(`${cell}: ${audit.length} audit rows, expected exactly one`);
          else {
            const [a] = audit;
            if (code === 'OK' && a!.outcome !== 'granted') mismatches.push(`${cell}: allowed, audited ${a!.outcome}`);
            if (code !== 'OK' && a!.outcome === 'granted') mismatches.push(`${cell}: refused, audited granted`);
            // Always with the person (a meeting on its own is about its team, not one person).
            if ('key' in uc.subject && a!.patientId !== s.patientId) mismatches.push(`${cell}: audit row without the person`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    });
  }
});
