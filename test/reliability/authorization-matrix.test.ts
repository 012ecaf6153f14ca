/**
 * Every tRPC procedure × every caller × every relationship they can have with a person, with the
 * expected outcome of each cell written down below. It fails when a procedure exists that the
 * table does not cover, when any cell's outcome differs, and when any decision (allowed or
 * refused) leaves no audit row.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { callByPath, PROCEDURES, recordKeyOf } from './procedures';
import type { Db } from '../../db/client';
import { copyDb, testDb } from '../db';
import {
  ALL_CELLS,
  buildScenario,
  CALLERS,
  RELATIONSHIPS_OF,
  type CallerKey,
  type Cell,
  type Relationship,
  type Scenario,
} from '../scenario';

type Outcome = 'OK' | 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'NOT_FOUND';
type Who =
  | { public: true }
  | { signedIn: true }
  /** Procedures not about one person: the caller's role decides, whatever the relationship. */
  | { roles: readonly CallerKey[] }
  /** Procedures about one person: which caller/relationship cells are let through. */
  | { cells: readonly Cell[] };
type Row = {
  who: Who;
  /** The input sent. Defaults to the id the procedure is about, or nothing. */
  input?: (s: Scenario) => unknown;
  /** What an allowed call returns: queries get valid input and succeed; most mutations get only the id, so input checking answers. */
  then: Outcome;
  /** Cells whose outcome differs from `then` or FORBIDDEN, with why. */
  except?: Partial<Record<Cell, Outcome>>;
};

const cells = (...groups: (readonly Cell[])[]) => groups.flat();

// Relationship cells, written out once and combined per permission below.
const NAV_WORK: Cell[] = ['navigator/named_contact', 'navigator/caseload', 'navigator/care_team', 'navigator/referral_to_my_team'];
const GP_WORK: Cell[] = ['gp/same_practice', 'gp/care_team'];
const SOCIAL_WORK: Cell[] = ['social/named_contact', 'social/care_team', 'social/referral_to_my_team'];
const SERVICE_WORK: Cell[] = ['housing/care_team', 'voluntary/care_team'];
/** Emergency access: roles that read records, while their grant lasts (never after it ends). */
const BREAK_GLASS: Cell[] = [
  'navigator/break_glass_active',
  'gp/break_glass_active',
  'social/break_glass_active',
  'housing/break_glass_active',
];
/** Housing and voluntary teams receiving a referral see that referral only. */
const REFERRAL_RECEIVED: Cell[] = ['housing/referral_to_my_team', 'voluntary/referral_to_my_team'];
/** …and once it is finished, whoever worked it looks back at that referral, read-only (#17 item 2). */
const REFERRAL_HANDLED: Cell[] = ['housing/referral_handled', 'voluntary/referral_handled'];
const CARER: Cell[] = ['carer/consent_granted'];

const READ = cells(NAV_WORK, GP_WORK, SOCIAL_WORK, SERVICE_WORK, BREAK_GLASS);
/** Changing the record: the care professionals who hold it (never under emergency access). */
const EDIT = cells(NAV_WORK, GP_WORK, SOCIAL_WORK);
const NAV_ONLY = NAV_WORK;
/** A referral is temporary: it never makes a lasting link (care team, named contact) to the person. */
const LASTING = (work: readonly Cell[]) => work.filter((c) => !c.endsWith('/referral_to_my_team'));
const REFERS: CallerKey[] = ['navigator', 'gp', 'social'];
const WORKS_TASKS: CallerKey[] = ['navigator', 'gp', 'social', 'housing', 'voluntary'];

const REASON = 'Ambulance crew need the medication list now';
const today = () => new Date().toISOString().slice(0, 10);

const TABLE: Record<string, Row> = {
  'patients.create': { who: { roles: ['navigator', 'gp'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'patients.search': {
    who: { roles: ['navigator', 'gp', 'hospital', 'social', 'housing', 'voluntary'] },
    input: () => ({ query: 'Pat' }),
    then: 'OK',
    // Hospital staff find anyone, so only by exact NHS number and date of birth together: a name is refused.
    except: { 'hospital/none': 'BAD_REQUEST', 'hospital/flagged_discharge': 'BAD_REQUEST', 'hospital/care_team': 'BAD_REQUEST' },
  },
  'patients.caseload': { who: { roles: ['navigator'] }, input: () => ({}), then: 'OK' },
  'patients.mine': { who: { roles: ['navigator', 'gp', 'social', 'housing', 'voluntary'] }, then: 'OK' },
  'patients.practices': { who: { roles: ['navigator', 'gp'] }, then: 'OK' },
  'patients.staff': { who: { roles: ['navigator', 'gp', 'social'] }, then: 'OK' },
  'patients.get': { who: { cells: READ }, then: 'OK' },
  'patients.navigators': { who: { cells: LASTING(NAV_ONLY) }, then: 'OK' },
  'patients.update': { who: { cells: EDIT }, then: 'BAD_REQUEST' },
  'patients.changeNamedContact': { who: { cells: LASTING(NAV_ONLY) }, then: 'BAD_REQUEST' },
  'patients.addCareTeamMember': { who: { cells: LASTING(EDIT) }, then: 'BAD_REQUEST' },
  'patients.removeCareTeamMember': { who: { cells: LASTING(EDIT) }, then: 'BAD_REQUEST' },

  'timeline.list': { who: { cells: READ }, then: 'OK' },
  'timeline.get': { who: { cells: READ }, input: (s) => ({ patientId: s.ids.patientId, eventId: s.ids.eventId }), then: 'OK' },
  'timeline.add': { who: { cells: READ }, then: 'BAD_REQUEST' },
  'timeline.amend': { who: { cells: READ }, then: 'BAD_REQUEST' },

  'consent.list': { who: { cells: READ }, then: 'OK' },
  'consent.record': { who: { cells: EDIT }, then: 'BAD_REQUEST' },

  'admin.organisations': { who: { roles: ['admin'] }, then: 'OK' },
  'admin.createOrganisation': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'admin.users': { who: { roles: ['admin'] }, then: 'OK' },
  // No staff account has this id: the administrator is told so; everyone else is refused first.
  'admin.user': { who: { roles: ['admin'] }, input: () => ({ userId: '00000000-0000-4000-8000-00000000abcd' }), then: 'NOT_FOUND' },
  'admin.createUser': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'admin.updateUser': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'admin.clinicalAccountChanges': { who: { roles: ['admin'] }, input: () => ({}), then: 'OK' },
  'admin.reviewClinicalAccount': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },

  'carer.summaries': { who: { roles: ['carer'] }, then: 'OK' },
  'carer.sendUpdate': { who: { cells: CARER }, then: 'BAD_REQUEST' },
  'carer.accessLog': { who: { cells: CARER }, then: 'OK' },
  'carer.person': { who: { cells: CARER }, then: 'OK' },

  // Flagging names the person by NHS number and date of birth; the use case asks the policy.
  'discharges.flag': {
    who: { roles: ['navigator', 'gp', 'hospital'] },
    input: (s) => ({
      nhsNumber: s.person.nhsNumber,
      dateOfBirth: s.person.dateOfBirth,
      flaggerContact: 'Ward 3, ext 1234',
      hospital: 'St James’s',
      ward: 'Ward 3',
      expectedDate: today(),
      pathway: 1,
      riskLevel: 'high',
      concern: 'Lives alone',
      ask: 'Call after discharge',
      careVisitsPerDay: 2,
      careProvider: 'Homecare Ltd',
      carerConsulted: true,
    }),
    then: 'OK',
    // Hospital staff flag for anyone they identify; GP staff and navigators only for people they work with.
    except: Object.fromEntries(
      (
        [
          'gp/none',
          'gp/break_glass_active',
          'gp/break_glass_expired',
          'navigator/none',
          'navigator/handoff_offered',
          'navigator/break_glass_active',
          'navigator/break_glass_expired',
        ] as const
      ).map((c) => [c, 'FORBIDDEN']),
    ),
  },
  'discharges.flagOptions': { who: { roles: ['navigator', 'gp', 'hospital'] }, then: 'OK' },
  'discharges.list': { who: { roles: ['navigator', 'gp', 'hospital'] }, input: () => ({}), then: 'OK' },
  'discharges.get': {
    who: {
      cells: cells(
        NAV_WORK,
        GP_WORK,
        SOCIAL_WORK,
        ['hospital/flagged_discharge'],
        BREAK_GLASS.filter((c) => !c.startsWith('housing')),
      ),
    },
    then: 'OK',
  },
  'discharges.changeStatus': { who: { cells: cells(NAV_WORK, GP_WORK) }, then: 'BAD_REQUEST' },
  'discharges.forPatient': { who: { cells: READ }, then: 'OK' },
  'discharges.checklist': { who: { roles: ['admin'] }, then: 'OK' },
  'discharges.addChecklistItem': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'discharges.removeChecklistItem': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'discharges.moveChecklistItem': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'discharges.setChecklistItemPathways': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'discharges.setFollowUpWindow': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },

  'tasks.list': { who: { roles: WORKS_TASKS }, input: () => ({}), then: 'OK' },
  'tasks.get': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'OK' },
  'tasks.assignees': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'OK' },
  'tasks.create': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'BAD_REQUEST' },
  // Picking up is for the team whose queue it is in: P's task waits in another navigator team's queue.
  'tasks.pickUp': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'FORBIDDEN' },
  'tasks.start': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'FORBIDDEN' },
  'tasks.complete': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'FORBIDDEN' },
  'tasks.cancel': { who: { cells: cells(EDIT, SERVICE_WORK) }, then: 'BAD_REQUEST' },

  'notifications.list': { who: { signedIn: true }, input: () => ({}), then: 'OK' },
  'notifications.unreadCount': { who: { signedIn: true }, then: 'OK' },
  // With no id it marks all of the caller's own notifications read.
  'notifications.markRead': { who: { signedIn: true }, input: () => ({}), then: 'OK' },

  'directory.search': { who: { roles: REFERS }, input: () => ({}), then: 'OK' },
  'directory.manage': { who: { roles: ['admin'] }, input: () => ({}), then: 'OK' },
  'directory.get': { who: { roles: ['admin'] }, input: (s) => ({ serviceId: s.ids.serviceId }), then: 'OK' },
  'directory.save': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'directory.importFeed': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },

  'referrals.send': { who: { cells: EDIT }, then: 'BAD_REQUEST' },
  'referrals.list': { who: { roles: WORKS_TASKS }, input: () => ({}), then: 'OK' },
  'referrals.get': { who: { cells: cells(READ, REFERRAL_RECEIVED, REFERRAL_HANDLED) }, then: 'OK' },
  'referrals.outcomeReasons': { who: { roles: ['admin'] }, then: 'OK' },
  'referrals.addOutcomeReason': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'referrals.removeOutcomeReason': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'referrals.update': { who: { cells: cells(EDIT, SERVICE_WORK, REFERRAL_RECEIVED) }, then: 'BAD_REQUEST' },

  'handoffs.offer': { who: { cells: LASTING(cells(NAV_WORK, SOCIAL_WORK)) }, then: 'BAD_REQUEST' },
  'handoffs.respond': {
    who: { cells: cells(NAV_WORK, SOCIAL_WORK, ['navigator/handoff_offered', 'social/handoff_offered']) },
    then: 'BAD_REQUEST',
  },
  'handoffs.mine': { who: { signedIn: true }, then: 'OK' },
  'handoffs.pendingFor': { who: { cells: READ }, then: 'OK' },
  'handoffs.candidates': { who: { cells: LASTING(cells(NAV_WORK, SOCIAL_WORK)) }, then: 'OK' },

  'carerInvitations.list': { who: { cells: READ }, then: 'OK' },
  'carerInvitations.invite': { who: { cells: NAV_ONLY }, then: 'BAD_REQUEST' },
  // The link's secret is the key: anyone holding it may look, and an unknown link says so.
  'carerInvitations.get': { who: { public: true }, input: () => ({ token: 'not-a-real-invitation' }), then: 'OK' },
  'carerInvitations.accept': { who: { public: true }, input: () => ({}), then: 'BAD_REQUEST' },

  'access.log': { who: { cells: READ }, then: 'OK' },
  // Emergency access is for those with no relationship: anyone who already has one is told so.
  'access.breakGlass': {
    who: { roles: ['navigator', 'gp', 'social', 'housing', 'voluntary'] },
    input: (s) => ({ patientId: s.ids.patientId, reason: REASON }),
    then: 'OK',
    except: {
      ...Object.fromEntries(READ.filter((c) => !BREAK_GLASS.includes(c)).map((c) => [c, 'CONFLICT'])),
      ...Object.fromEntries(BREAK_GLASS.map((c) => [c, 'CONFLICT'])),
      // The person's own decision not to share still stands; voluntary services never break glass.
      'social/sharing_withdrawn': 'FORBIDDEN',
      'housing/sharing_withdrawn': 'FORBIDDEN',
      'voluntary/sharing_withdrawn': 'FORBIDDEN',
    },
  },
  // Whether to offer emergency access: answered (yes, or why not) to every role that may ask for it.
  'access.breakGlassOption': {
    who: { roles: ['navigator', 'gp', 'social', 'housing', 'voluntary'] },
    input: (s) => ({ patientId: s.ids.patientId }),
    then: 'OK',
  },
  'access.reviews': { who: { roles: ['admin'] }, input: () => ({}), then: 'OK' },
  'access.review': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },

  // Administrators have no team of their own: they look at every organisation.
  'metrics.compute': {
    who: { roles: ['navigator', 'admin'] },
    input: (s) => ({ from: '2026-01-01', to: '2026-03-31', scope: s.caller?.actor.role === 'admin' ? 'organisation' : 'team' }),
    then: 'OK',
  },

  'wellbeing.list': { who: { cells: READ }, then: 'OK' },
  'wellbeing.record': { who: { cells: NAV_ONLY }, then: 'BAD_REQUEST' },

  // Anyone signed in, on their own account: the current password is checked first (wrong here).
  'account.changePassword': {
    who: { signedIn: true },
    input: () => ({ currentPassword: 'not the password', newPassword: 'plum orchard lantern', confirmPassword: 'plum orchard lantern' }),
    then: 'BAD_REQUEST',
  },

  'account.listSessions': { who: { signedIn: true }, then: 'OK' },
  // A session handle that is not one of the caller's: not found.
  'account.endSession': { who: { signedIn: true }, input: () => ({ handle: 'abcdefABCDEF0123456789' }), then: 'NOT_FOUND' },
  'account.endOtherSessions': { who: { signedIn: true }, input: () => ({}), then: 'OK' },
  'admin.endAllSessions': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'admin.findCarerAccount': { who: { roles: ['admin'] }, input: () => ({ email: 'nobody@example.test' }), then: 'OK' },
  'admin.setCarerAccountActive': { who: { roles: ['admin'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'carerInvitations.setActive': { who: { cells: NAV_ONLY }, then: 'BAD_REQUEST' },

  'mdt.worklist': { who: { roles: ['navigator'] }, then: 'OK' },
  'mdt.meetings': { who: { roles: ['navigator'] }, then: 'OK' },
  'mdt.meeting': { who: { roles: ['navigator'] }, input: (s) => ({ meetingId: s.ids.meetingId }), then: 'OK' },
  'mdt.recordMeeting': { who: { roles: ['navigator'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'mdt.recordDiscussion': { who: { cells: NAV_ONLY }, then: 'BAD_REQUEST' },
  'mdt.choosePeople': { who: { roles: ['navigator'] }, input: () => ({}), then: 'BAD_REQUEST' },
  'mdt.unchoosePerson': { who: { cells: NAV_ONLY }, then: 'BAD_REQUEST' },
};

const procedures = PROCEDURES;

/** Whether the procedure's gate (sign-in, role, relationship) lets this cell through. */
function gateAllows(path: string, cell: Cell): boolean {
  const { who } = TABLE[path]!;
  const [caller] = cell.split('/') as [CallerKey, Relationship];
  if ('public' in who) return true;
  if (caller === 'anonymous') return false;
  return 'signedIn' in who ? true : 'roles' in who ? who.roles.includes(caller) : who.cells.includes(cell);
}

function expected(path: string, cell: Cell): Outcome {
  const row = TABLE[path]!;
  if (!gateAllows(path, cell)) return cell.startsWith('anonymous/') ? 'UNAUTHORIZED' : 'FORBIDDEN';
  return row.except?.[cell] ?? row.then;
}

async function call(s: Scenario, path: string, input: unknown): Promise<Outcome> {
  const { code, message } = await callByPath(s.db, s.caller?.actor ?? null, path, input);
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'THROWN') throw new Error(`${path} failed: ${message}`);
  return code as Outcome;
}

function inputFor(path: string, s: Scenario): unknown {
  const row = TABLE[path]!;
  if (row.input) return row.input(s);
  const key = recordKeyOf(path);
  return key ? { [key]: s.ids[key] } : undefined;
}

describe('authorization: every procedure × caller × relationship', () => {
  it('covers every procedure the API has, and nothing that is not one', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(procedures).sort());
  });

  it('covers every relationship each caller can have', () => {
    for (const caller of CALLERS) expect(RELATIONSHIPS_OF[caller]).toContain('none');
    expect(ALL_CELLS.length).toBe(42);
  });

  for (const cell of ALL_CELLS) {
    const [callerKey, relationship] = cell.split('/') as [CallerKey, Relationship];
    it(
      `${cell}: every procedure answers as the table says, and the decision is audited`,
      async () => {
        const template = testDb();
        const base = await buildScenario(template, callerKey, relationship);
        const snapshot = template.$engine === 'sqlite' ? template.$client.serialize() : undefined;
        const paths = Object.keys(procedures);
        const found = new Map<string, string[]>();
        for (const path of paths.filter((p) => procedures[p]!._def.type === 'query')) found.set(path, await check(base, path, cell));
        // Mutations may change state: each sees the scenario as built, and no other's changes. On
        // SQLite each gets a copy of the database as built (`snapshot`), in memory. PostgreSQL has
        // no such copy (a database per mutation, the scenario built afresh in each, took 8 minutes
        // for this file against 30 seconds), so there each runs in a transaction that is then rolled
        // back (its own transactions are savepoints inside it; its queries through `db` join it,
        // db/pg-client.ts), with no rate limit counted yet, as in a copy (the counts are kept
        // outside transactions there: server/rate-limit/limiter.ts).
        for (const path of paths.filter((p) => procedures[p]!._def.type === 'mutation')) {
          if (snapshot) {
            found.set(path, await check({ ...base, db: copyDb(snapshot) }, path, cell));
            continue;
          }
          await template.run(sql`delete from rate_limits`);
          await rolledBack(template, async () => found.set(path, await check(base, path, cell)));
        }
        expect(paths.flatMap((path) => found.get(path)!)).toEqual([]);
      },
      // On PostgreSQL: some fifty transactions rolled back.
      30_000,
    );
  }
});

const ROLLBACK = new Error('rolled back on purpose');

/** Runs `work` in a transaction of `db` that is then rolled back, whatever it did. */
async function rolledBack(db: Db, work: () => Promise<unknown>): Promise<void> {
  try {
    await db.transaction(async () => {
      await work();
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

/** Calls `path` in scenario `s`: what differs from the table, and from one audit row per decision. */
async function check(s: Scenario, path: string, cell: Cell): Promise<string[]> {
  const mismatches: string[] = [];
  const before = Date.now() - 1;
  const input = inputFor(path, s);
  const got = await call(s, path, input);
  const want = expected(path, cell);
  if (got !== want) mismatches.push(`${path}: expected ${want}, got ${got}`);
  if (s.caller && !('public' in TABLE[path]!.who)) {
    const rows = await s.db
      .select({ outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.userId, s.caller.row.id), gt(auditLog.at, before), eq(auditLog.action, path)))
      .all();
    // Exactly one row per decision: refused at the gate, one denied row; let through and then refused
    // (input, conflict), one failed or denied row; allowed, granted rows only (one per person shown).
    const outcomes = new Set(rows.map((r) => r.outcome));
    if (rows.length === 0) mismatches.push(`${path}: no audit row`);
    else if (got === 'OK' && (outcomes.size !== 1 || !outcomes.has('granted')))
      mismatches.push(`${path}: allowed but not only granted rows`);
    else if (got !== 'OK' && rows.length !== 1) mismatches.push(`${path}: refused with ${rows.length} audit rows, not one`);
    else if (!gateAllows(path, cell) && !outcomes.has('denied')) mismatches.push(`${path}: refused but no denied audit row`);
  }
  return mismatches;
}
