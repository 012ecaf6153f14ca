/**
 * Bad input, generated: every mutating procedure gets at least 100 invalid inputs (wrong types,
 * missing fields, oversized strings, control characters, malformed dates and NHS numbers, unknown
 * choices, SQL and HTML fragments). Each must be refused with BAD_REQUEST naming the field (never
 * a 500), and afterwards every table is exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { breakGlassGrants, carerKeyOf, carerLinks, checklistItems, referralOutcomeReasons } from '../../db/schema';
import { insertConsent, testNhsNumber } from '../../db/factories';
import { callByPath, PROCEDURES } from './procedures';
import type { Actor } from '../../server/access/actor';
import { testDb } from '../db';
import { buildScenario } from '../scenario';
import { tableChecksums } from '../world';
import { resetSearchLimits } from '../../server/rate-limit/search-limit';

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 100);
// Schemas that set a password rank it with zxcvbn (about 20 ms) on every input, with every other
// problem found at once (#17 item 12): a hang guard, generous as three test workers and a database
// server share two cores (vitest.config.mts), and longer for the reliability run's 300 inputs.
const TIMEOUT = Math.max(60_000, RUNS * 200);
const MISSING = Symbol('missing');
const today = () => new Date().toISOString().slice(0, 10);

async function setUp() {
  const db = testDb();
  const s = await buildScenario(db, 'navigator', 'caseload');
  const w = s.world;
  const now = Date.now();
  // The carer is linked to P with consent; a break-glass use waits for review; the admin lists exist.
  await db
    .insert(carerLinks)
    .values({
      id: randomUUID(),
      carerUserId: w.carer.row.id,
      patientId: s.ids.patientId,
      relationship: 'Daughter',
      carerKey: carerKeyOf('Carer C'),
      createdAt: now,
    })
    .run();
  await insertConsent(db, {
    patientId: s.ids.patientId,
    purpose: 'named_carer',
    carerName: 'Carer C',
    decision: 'granted',
    recordedByUserId: w.navigator.row.id,
  });
  const grantId = randomUUID();
  await db
    .insert(breakGlassGrants)
    .values({
      id: grantId,
      userId: w.otherGp.row.id,
      patientId: s.ids.patientId,
      reason: 'Ambulance crew asked for the medication list',
      grantedAt: now - 5 * 3_600_000,
      expiresAt: now - 3_600_000,
    })
    .run();
  const itemId = (await db.select({ id: checklistItems.id }).from(checklistItems).get())!.id;
  const reasonId = (await db.select({ id: referralOutcomeReasons.id }).from(referralOutcomeReasons).get())!.id;
  return { db, s, w, ids: { ...s.ids, grantId, itemId, reasonId } };
}
type Setup = Awaited<ReturnType<typeof setUp>>;
type Base = {
  as: 'navigator' | 'admin' | 'carer' | 'public';
  input: (x: Setup) => Record<string, unknown>;
  /** A field checked against another: a change to it may be answered on the other (a confirmation that no longer matches). */
  pairedWith?: Record<string, string>;
};

/** A valid input for every mutating procedure; the test proves each is valid before breaking it. */
const BASE: Record<string, Base> = {
  'patients.create': {
    as: 'navigator',
    input: (x) => ({
      nhsNumber: testNhsNumber(4242),
      givenName: 'Ann',
      familyName: 'Example',
      dateOfBirth: '1940-02-02',
      registeredPracticeId: x.w.orgs.practice.id,
      postcode: 'LS1 4AP',
      phone: '0113 496 0000',
      riskLevel: 'medium',
      conditions: ['COPD'],
    }),
  },
  'patients.update': {
    as: 'navigator',
    input: (x) => ({ patientId: x.ids.patientId, expectedVersion: 1, changes: { riskLevel: 'high', nextAction: 'Call on Monday' } }),
  },
  'patients.changeNamedContact': {
    as: 'navigator',
    input: (x) => ({ patientId: x.ids.patientId, expectedVersion: 1, namedContactUserId: x.w.navigator.row.id }),
  },
  'patients.addCareTeamMember': {
    as: 'navigator',
    input: (x) => ({
      patientId: x.ids.patientId,
      type: 'external',
      name: 'Jo Bloggs',
      role: 'Pharmacist',
      organisationName: 'High St Pharmacy',
      phone: '0113 496 0001',
    }),
  },
  'patients.removeCareTeamMember': { as: 'navigator', input: (x) => ({ patientId: x.ids.patientId, memberId: randomUUID() }) },
  'timeline.add': {
    as: 'navigator',
    input: (x) => ({
      patientId: x.ids.patientId,
      type: 'contact',
      contactMethod: 'phone_call',
      text: 'Called her',
      occurredAt: Date.now() - 60_000,
      carerVisible: false,
    }),
  },
  'timeline.amend': { as: 'navigator', input: (x) => ({ patientId: x.ids.patientId, eventId: x.ids.eventId, text: 'Correction' }) },
  'consent.record': {
    as: 'navigator',
    input: (x) => ({ patientId: x.ids.patientId, purpose: 'housing', decision: 'granted', method: 'verbal', decidedOn: today() }),
  },
  'admin.createOrganisation': {
    as: 'admin',
    input: () => ({ name: 'Riverside Surgery', kind: 'gp_practice', odsCode: 'B99999', email: 'team@example.nhs.uk' }),
  },
  'admin.createUser': {
    as: 'admin',
    input: (x) => ({
      name: 'New Person',
      email: 'new.person@example.nhs.uk',
      role: 'navigator',
      organisationId: x.w.orgs.navTeam.id,
      jobTitle: 'Care navigator',
      password: 'correct-horse-battery-staple-9',
    }),
  },
  // Any id the schema accepts: what is checked here is only that bad input is refused.
  'admin.reviewClinicalAccount': { as: 'admin', input: (x) => ({ changeId: x.ids.patientId }) },
  'admin.updateUser': { as: 'admin', input: (x) => ({ userId: x.w.navigator2.row.id, change: 'role', role: 'social_worker' }) },
  'carer.sendUpdate': { as: 'carer', input: (x) => ({ patientId: x.ids.patientId, message: 'Mum had a good week' }) },
  'discharges.flag': {
    as: 'navigator',
    input: (x) => ({
      nhsNumber: x.s.person.nhsNumber,
      dateOfBirth: x.s.person.dateOfBirth,
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
  },
  'discharges.changeStatus': {
    as: 'navigator',
    input: (x) => ({ dischargeId: x.ids.dischargeId, to: 'closed', closedReason: 'Died', note: 'Sadly died' }),
  },
  'discharges.addChecklistItem': { as: 'admin', input: () => ({ title: 'Key safe checked' }) },
  'discharges.removeChecklistItem': { as: 'admin', input: (x) => ({ itemId: x.ids.itemId }) },
  'discharges.moveChecklistItem': { as: 'admin', input: (x) => ({ itemId: x.ids.itemId, direction: 'down' }) },
  'discharges.setChecklistItemPathways': { as: 'admin', input: (x) => ({ itemId: x.ids.itemId, pathways: [1] }) },
  'discharges.setFollowUpWindow': { as: 'admin', input: () => ({ hours: 48 }) },
  'tasks.create': {
    as: 'navigator',
    input: (x) => ({
      patientId: x.ids.patientId,
      title: 'Call GP',
      details: 'About tablets',
      assignee: `user:${x.w.navigator.row.id}`,
      dueDate: today(),
      priority: 'high',
    }),
  },
  'tasks.pickUp': { as: 'navigator', input: (x) => ({ taskId: x.ids.taskId }) },
  'tasks.start': { as: 'navigator', input: (x) => ({ taskId: x.ids.taskId }) },
  'tasks.complete': { as: 'navigator', input: (x) => ({ taskId: x.ids.taskId, outcome: 'Done' }) },
  'tasks.cancel': { as: 'navigator', input: (x) => ({ taskId: x.ids.taskId, reason: 'No longer needed' }) },
  'account.endSession': { as: 'navigator', input: () => ({ handle: 'abcdefABCDEF0123456789' }) },
  'account.endOtherSessions': { as: 'navigator', input: () => ({}) },
  'admin.endAllSessions': { as: 'admin', input: (x) => ({ userId: x.w.navigator2.row.id }) },
  'admin.setCarerAccountActive': { as: 'admin', input: (x) => ({ carerUserId: x.w.carer.row.id, change: 'deactivate' }) },
  'carerInvitations.setActive': {
    as: 'navigator',
    input: (x) => ({ patientId: x.ids.patientId, carerLinkId: x.ids.patientId, change: 'deactivate' }),
  },
  'notifications.markRead': { as: 'navigator', input: (x) => ({ notificationId: x.ids.notificationId }) },
  'directory.save': {
    as: 'admin',
    input: (x) => ({
      name: 'Lunch club',
      providerName: 'Age UK',
      organisationId: x.w.orgs.voluntary.id,
      category: 'voluntary_community',
      area: 'Leeds',
      targetUrgentHours: 4,
      active: true,
    }),
  },
  'directory.importFeed': {
    as: 'admin',
    input: () => ({ feed: JSON.stringify([{ id: 'svc-1', name: 'Lunch club', organization: { name: 'Age UK' } }]) }),
  },
  'referrals.send': {
    as: 'navigator',
    input: (x) => ({
      patientId: x.ids.patientId,
      serviceId: x.ids.serviceId,
      reason: 'Support at home',
      urgency: 'soon',
      personWants: 'Company',
      attachments: '',
    }),
  },
  'referrals.addOutcomeReason': { as: 'admin', input: () => ({ label: 'Moved away' }) },
  'referrals.removeOutcomeReason': { as: 'admin', input: (x) => ({ reasonId: x.ids.reasonId }) },
  'referrals.update': { as: 'navigator', input: (x) => ({ referralId: x.ids.referralId, action: 'cancel', reason: 'No longer wanted' }) },
  'handoffs.offer': { as: 'navigator', input: (x) => ({ patientId: x.ids.patientId, toUserId: x.w.socialWorker.row.id, note: 'Moving' }) },
  'handoffs.respond': { as: 'navigator', input: (x) => ({ handoffId: x.ids.handoffId, response: 'withdraw' }) },
  'carerInvitations.invite': {
    as: 'navigator',
    input: (x) => ({ patientId: x.ids.patientId, carerKey: carerKeyOf('Carer C'), email: 'carer.c@example.com', relationship: 'Daughter' }),
  },
  'account.changePassword': {
    as: 'navigator',
    input: () => ({ currentPassword: 'not the password', newPassword: 'plum orchard lantern', confirmPassword: 'plum orchard lantern' }),
    pairedWith: { newPassword: 'confirmPassword' },
  },
  'carerInvitations.accept': {
    as: 'public',
    input: () => ({
      token: 'a'.repeat(43),
      name: 'Carer C',
      password: 'correct-horse-battery-staple-9',
      confirmPassword: 'correct-horse-battery-staple-9',
    }),
  },
  'access.breakGlass': {
    as: 'navigator',
    input: (x) => ({ patientId: x.ids.patientId, reason: 'Ambulance crew asked for the medication list' }),
  },
  'access.review': { as: 'admin', input: (x) => ({ grantId: x.ids.grantId, outcome: 'appropriate', note: 'Checked with the crew' }) },
  'wellbeing.record': {
    as: 'navigator',
    input: (x) => ({
      patientId: x.ids.patientId,
      kind: 'baseline',
      lifeSatisfaction: 6,
      worthwhile: 7,
      happiness: 5,
      anxiety: 3,
      answeredOn: today(),
    }),
  },
  'mdt.recordMeeting': { as: 'navigator', input: () => ({ heldOn: today(), attendees: ['Nadia Navigator', 'Dr A'] }) },
  'mdt.choosePeople': { as: 'navigator', input: (x) => ({ meetingId: x.ids.meetingId, patientIds: [x.ids.patientId] }) },
  'mdt.unchoosePerson': { as: 'navigator', input: (x) => ({ meetingId: x.ids.meetingId, patientId: x.ids.patientId }) },
  'mdt.recordDiscussion': {
    as: 'navigator',
    input: (x) => ({
      patientId: x.ids.patientId,
      meetingId: x.ids.meetingId,
      note: 'Discussed falls',
      actions: [{ title: 'Falls referral', assignee: `user:${x.w.navigator.row.id}`, dueDate: today() }],
    }),
  },
};

/**
 * Strings that are opaque secrets or ids looked up as they are: any characters may be typed in a
 * password, and an unknown invitation link simply is not found.
 */
const OPAQUE = new Set([
  'admin.createUser.password',
  'carerInvitations.accept.password',
  'carerInvitations.accept.confirmPassword',
  'carerInvitations.accept.token',
  'account.changePassword.currentPassword',
  'account.changePassword.newPassword',
  'account.changePassword.confirmPassword',
]);
/** The few text fields longer than 100,000 characters can be (an imported directory file). */
const LONG_ALLOWED: Record<string, number> = { 'directory.importFeed.feed': 5_000_000 };

const procedures = PROCEDURES;
const mutations = Object.keys(procedures).filter((p) => procedures[p]!._def.type === 'mutation');

/** What the API's own input check says, so that only inputs it must refuse are counted as invalid. */
const schemaAccepts = (path: string, input: unknown) => procedures[path]!._def.inputs.every((schema) => schema.safeParse(input).success);

const SQL = ["' OR 1=1 --", "'; DROP TABLE patients; --", '1; SELECT * FROM users', '" OR ""="', "admin'--"];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '<b>bold</b>'];
const DATES = ['2026-02-30', '31/12/2026', '2026-13-01', 'yesterday', '0000-00-00', '2026-1-1', '1899-12-31T25:61', '  '];
const NHS = ['123', '94347659181', '9434765918', 'abcdefghij', '943 476 591X', '0000000001'];
const ENUMS = ['not-a-choice', 'ADMIN', 'urgent ', 'granted;', 'system'];
const CONTROL = ['\u0000', '\u0007', '\u001b[2J', '\u007f', '\u000b', '\u0008'];

const invalidValue = fc.oneof(
  // Wrong types
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  // Missing
  fc.constant(MISSING),
  // Oversized
  fc.integer({ min: 10_001, max: 120_000 }).map((n) => 'x'.repeat(n)),
  // Control characters inside otherwise ordinary text
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 12 })).map(([a, c, b]) => `${a}${c}${b}`),
  // Malformed dates, NHS numbers and choices; SQL and HTML fragments (invalid wherever an id, date or choice is expected)
  fc.constantFrom(...DATES, ...NHS, ...ENUMS, ...SQL, ...HTML),
  fc.string({ maxLength: 30 }),
);

function withField(input: Record<string, unknown>, field: string, value: unknown) {
  const out = { ...input };
  if (value === MISSING) delete out[field];
  else out[field] = value;
  return out;
}

async function attempt(x: Setup, path: string, as: Base['as'], input: unknown) {
  const actor: Actor | null = as === 'public' ? null : { navigator: x.w.navigator, admin: x.w.admin, carer: x.w.carer }[as].actor;
  // Hundreds of calls by one user: the per-user look-up limit (its own test) would answer before the
  // input check. SQLite keeps the counts in memory; PostgreSQL in the database (server/rate-limit/limiter.ts).
  if (x.db.$engine === 'postgres') await x.db.run(sql`delete from rate_limits`);
  else resetSearchLimits();
  return await callByPath(x.db, actor, path, input);
}

describe('bad input: generated invalid inputs for every mutating procedure', () => {
  it('has a valid base input for every mutating procedure, and no base for anything else', async () => {
    expect(Object.keys(BASE).sort()).toEqual([...mutations].sort());
    const x = await setUp();
    for (const [path, base] of Object.entries(BASE))
      expect({ path, valid: schemaAccepts(path, base.input(x)) }).toEqual({ path, valid: true });
  });

  for (const path of mutations) {
    it(
      `${path}: ${RUNS} invalid inputs, each BAD_REQUEST naming the field; every table unchanged`,
      async () => {
        const x = await setUp();
        const base = BASE[path]!;
        const valid = base.input(x);
        const fields = Object.keys(valid);
        const before = await tableChecksums(x.db);
        let tried = 0;
        if (fields.length === 0) {
          // Takes no fields: only something that is not an empty object can be wrong.
          for (const input of ['x', 42, [], null, true]) {
            expect((await attempt(x, path, base.as, input)).code).toBe('BAD_REQUEST');
          }
          expect(await tableChecksums(x.db)).toEqual(before);
          return;
        }
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...fields), invalidValue, async (field, value) => {
            const input = withField(valid, field, value);
            fc.pre(!schemaAccepts(path, input));
            tried++;
            const { code, message } = await attempt(x, path, base.as, input);
            expect(code).toBe('BAD_REQUEST');
            const named = [field, base.pairedWith?.[field]].filter((f): f is string => !!f);
            expect({ message, named: named.some((f) => message.includes(f)) }).toMatchObject({ named: true });
          }),
          { numRuns: RUNS, seed: Number(process.env.BAD_INPUT_SEED ?? 20261121), maxSkipsPerRun: 1000 },
        );
        expect(tried).toBeGreaterThanOrEqual(RUNS);
        expect(await tableChecksums(x.db)).toEqual(before);
      },
      TIMEOUT,
    );
  }

  it('every text field refuses oversized text and control characters (except opaque secrets)', async () => {
    const x = await setUp();
    const before = await tableChecksums(x.db);
    let checked = 0;
    for (const [path, base] of Object.entries(BASE)) {
      const valid = base.input(x);
      for (const [field, value] of Object.entries(valid)) {
        if (typeof value !== 'string') continue;
        const key = `${path}.${field}`;
        const oversized = 'x'.repeat((LONG_ALLOWED[key] ?? 100_000) + 1);
        const probes = OPAQUE.has(key) ? [oversized] : [oversized, `${value}\u0000`, `a\u001b[2Jb`];
        for (const probe of probes) {
          const got = await attempt(x, path, base.as, withField(valid, field, probe));
          expect({ key, code: got.code, names: got.message.includes(field) }).toEqual({ key, code: 'BAD_REQUEST', names: true });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(await tableChecksums(x.db)).toEqual(before);
  });
});
