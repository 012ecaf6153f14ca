/**
 * Insecure direct object references: every procedure that takes an id is called with ids that
 * belong to another person, another organisation, another user or a carer. Each is refused, and
 * nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog, carerKeyOf, mdtMeetings, notifications, referrals, services } from '../../db/schema';
import { insertCareTeamMember, insertTimelineEvent, referralRow, serviceRow } from '../../db/factories';
import { callByPath, PROCEDURES, RECORD_KEYS, recordKeyOf } from './procedures';
import { testDb } from '../db';
import { buildScenario } from '../scenario';
import { tableChecksums } from '../world';

type Code = 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT';

async function setUp() {
  const db = testDb();
  // The navigator's own person is the world's Margaret; P (and everything about P) belongs to another team.
  const s = await buildScenario(db, 'navigator', 'none');
  const w = s.world;
  const mine = w.patient.id;
  const theirMember = await insertCareTeamMember(db, {
    patientId: s.ids.patientId,
    userId: s.others.owner.id,
    name: 'Olive Owner',
    organisationId: s.others.otherTeam.id,
    organisationName: 'Other nav team',
  });
  const theirMeeting = randomUUID();
  await db
    .insert(mdtMeetings)
    .values({
      id: theirMeeting,
      organisationId: s.others.otherTeam.id,
      heldOn: '2026-11-02',
      attendees: 'Olive Owner',
      recordedByUserId: s.others.owner.id,
      createdAt: Date.now(),
    })
    .run();
  const theirNotification = randomUUID();
  await db
    .insert(notifications)
    .values({ id: theirNotification, userId: s.others.owner.id, kind: 'handoff', title: 'For Olive', createdAt: Date.now() })
    .run();
  const myEvent = await insertTimelineEvent(db, { patientId: mine, actorUserId: w.navigator.row.id, sector: 'primary', summary: 'Mine' });
  return { db, s, w, mine, theirMember, theirMeeting, theirNotification, myEvent };
}
type Setup = Awaited<ReturnType<typeof setUp>>;
type Probe = {
  as: 'navigator' | 'gp' | 'admin' | 'carer' | 'housing';
  call: string;
  input: (x: Setup) => unknown;
  expect: Code;
  why: string;
};

const text = 'Spoke to her daughter about the plan';

/** One probe per id a procedure takes; the key is "procedure.field". */
const PROBES: Record<string, Probe[]> = {
  'patients.create.registeredPracticeId': [
    {
      as: 'navigator',
      call: 'patients.create',
      expect: 'BAD_REQUEST',
      why: 'a housing organisation is not a GP practice',
      input: (x) => ({
        nhsNumber: '9434765919',
        givenName: 'Ann',
        familyName: 'Other',
        dateOfBirth: '1940-02-02',
        registeredPracticeId: x.w.orgs.housing.id,
      }),
    },
  ],
  'patients.changeNamedContact.namedContactUserId': [
    {
      as: 'navigator',
      call: 'patients.changeNamedContact',
      expect: 'BAD_REQUEST',
      why: 'another team’s navigator',
      input: (x) => ({ patientId: x.mine, expectedVersion: 1, namedContactUserId: x.s.others.owner.id }),
    },
    {
      as: 'navigator',
      call: 'patients.changeNamedContact',
      expect: 'BAD_REQUEST',
      why: 'a carer',
      input: (x) => ({ patientId: x.mine, expectedVersion: 1, namedContactUserId: x.w.carer.row.id }),
    },
  ],
  'patients.addCareTeamMember.userId': [
    {
      as: 'navigator',
      call: 'patients.addCareTeamMember',
      expect: 'BAD_REQUEST',
      why: 'a carer is not a colleague',
      input: (x) => ({ patientId: x.mine, type: 'user', userId: x.w.carer.row.id }),
    },
    {
      as: 'navigator',
      call: 'patients.addCareTeamMember',
      expect: 'BAD_REQUEST',
      why: 'a user that does not exist',
      input: (x) => ({ patientId: x.mine, type: 'user', userId: randomUUID() }),
    },
  ],
  'patients.removeCareTeamMember.memberId': [
    {
      as: 'navigator',
      call: 'patients.removeCareTeamMember',
      expect: 'NOT_FOUND',
      why: 'a member of another person’s care team',
      input: (x) => ({ patientId: x.mine, memberId: x.theirMember.id }),
    },
  ],
  'timeline.get.eventId': [
    {
      as: 'navigator',
      call: 'timeline.get',
      expect: 'NOT_FOUND',
      why: 'another person’s entry',
      input: (x) => ({ patientId: x.mine, eventId: x.s.ids.eventId }),
    },
  ],
  'timeline.amend.eventId': [
    {
      as: 'navigator',
      call: 'timeline.amend',
      expect: 'NOT_FOUND',
      why: 'another person’s entry',
      input: (x) => ({ patientId: x.mine, eventId: x.s.ids.eventId, text }),
    },
  ],
  'access.log.organisationId': [
    {
      as: 'navigator',
      call: 'access.log',
      expect: 'FORBIDDEN',
      why: 'another team’s person, filtered by their organisation',
      input: (x) => ({ patientId: x.s.ids.patientId, organisationId: x.s.others.otherTeam.id }),
    },
  ],
  'carer.accessLog.patientId': [
    {
      as: 'carer',
      call: 'carer.accessLog',
      expect: 'FORBIDDEN',
      why: 'a person who did not agree to share with this carer (carers have no organisation filter)',
      input: (x) => ({ patientId: x.s.ids.patientId }),
    },
  ],
  'admin.createOrganisation.navigatorTeamId': [
    {
      as: 'admin',
      call: 'admin.createOrganisation',
      expect: 'BAD_REQUEST',
      why: 'a GP practice is not a navigator team',
      input: (x) => ({ name: 'New practice', kind: 'gp_practice', navigatorTeamId: x.w.orgs.practice.id }),
    },
  ],
  'admin.createUser.organisationId': [
    {
      as: 'admin',
      call: 'admin.createUser',
      expect: 'BAD_REQUEST',
      why: 'an organisation that does not exist',
      input: () => ({
        name: 'New Person',
        email: 'new.person@example.test',
        role: 'navigator',
        organisationId: randomUUID(),
        password: 'a-long-enough-password-1',
      }),
    },
  ],
  'admin.updateUser.userId': [
    {
      as: 'admin',
      call: 'admin.updateUser',
      expect: 'NOT_FOUND',
      why: 'a carer’s account is not staff',
      input: (x) => ({ userId: x.w.carer.row.id, change: 'deactivate' }),
    },
    {
      as: 'admin',
      call: 'admin.updateUser',
      expect: 'NOT_FOUND',
      why: 'carenav’s own system user',
      input: () => ({ userId: '00000000-0000-4000-8000-000000000001', change: 'reactivate' }),
    },
  ],
  'admin.user.userId': [
    {
      as: 'admin',
      call: 'admin.user',
      expect: 'NOT_FOUND',
      why: 'a carer’s account is not staff',
      input: (x) => ({ userId: x.w.carer.row.id }),
    },
    {
      as: 'admin',
      call: 'admin.user',
      expect: 'NOT_FOUND',
      why: 'carenav’s own system user',
      input: () => ({ userId: '00000000-0000-4000-8000-000000000001' }),
    },
    {
      as: 'navigator',
      call: 'admin.user',
      expect: 'FORBIDDEN',
      why: 'a colleague’s account, opened by someone who is not an administrator',
      input: (x) => ({ userId: x.w.navigator2.row.id }),
    },
  ],
  'admin.users.organisationId': [
    {
      as: 'navigator',
      call: 'admin.users',
      expect: 'FORBIDDEN',
      why: 'their own team’s staff, listed by someone who is not an administrator',
      input: (x) => ({ organisationId: x.w.orgs.navTeam.id }),
    },
  ],
  'carer.sendUpdate.patientId': [
    {
      as: 'carer',
      call: 'carer.sendUpdate',
      expect: 'FORBIDDEN',
      why: 'a person the carer is not linked to',
      input: (x) => ({ patientId: x.s.ids.patientId, message: text }),
    },
  ],
  'discharges.flag.hospitalId': [
    {
      as: 'navigator',
      call: 'discharges.flag',
      expect: 'BAD_REQUEST',
      why: 'a housing organisation is not a hospital',
      input: (x) => ({
        nhsNumber: '9434765919',
        dateOfBirth: '1940-02-02',
        hospitalId: x.w.orgs.housing.id,
        flaggerContact: '0113',
        expectedDate: new Date().toISOString().slice(0, 10),
        pathway: 1,
        riskLevel: 'high',
        concern: 'Alone',
        ask: 'Call',
        careVisitsPerDay: 2,
        carerConsulted: true,
      }),
    },
  ],
  'discharges.flag.registeredPracticeId': [
    {
      as: 'navigator',
      call: 'discharges.flag',
      expect: 'BAD_REQUEST',
      why: 'a housing organisation is not a GP practice',
      input: (x) => ({
        nhsNumber: '9434765919',
        dateOfBirth: '1940-02-02',
        givenName: 'Ann',
        familyName: 'Other',
        registeredPracticeId: x.w.orgs.housing.id,
        flaggerContact: '0113',
        hospital: 'St James’s',
        ward: '3',
        expectedDate: new Date().toISOString().slice(0, 10),
        pathway: 1,
        riskLevel: 'high',
        concern: 'Alone',
        ask: 'Call',
        careVisitsPerDay: 2,
        careProvider: 'Homecare',
        carerConsulted: true,
      }),
    },
  ],
  'discharges.removeChecklistItem.itemId': [
    {
      as: 'admin',
      call: 'discharges.removeChecklistItem',
      expect: 'NOT_FOUND',
      why: 'an item that does not exist',
      input: () => ({ itemId: randomUUID() }),
    },
  ],
  'discharges.moveChecklistItem.itemId': [
    {
      as: 'admin',
      call: 'discharges.moveChecklistItem',
      expect: 'NOT_FOUND',
      why: 'an item that does not exist',
      input: () => ({ itemId: randomUUID(), direction: 'up' }),
    },
  ],
  'discharges.setChecklistItemPathways.itemId': [
    {
      as: 'admin',
      call: 'discharges.setChecklistItemPathways',
      expect: 'NOT_FOUND',
      why: 'an item that does not exist',
      input: () => ({ itemId: randomUUID(), pathways: [0] }),
    },
  ],
  'tasks.create.assignee': [
    {
      as: 'navigator',
      call: 'tasks.create',
      expect: 'BAD_REQUEST',
      why: 'another team’s queue',
      input: (x) => ({ patientId: x.mine, title: 'Call', assignee: `team:${x.s.others.otherTeam.id}` }),
    },
    {
      as: 'navigator',
      call: 'tasks.create',
      expect: 'BAD_REQUEST',
      why: 'a carer',
      input: (x) => ({ patientId: x.mine, title: 'Call', assignee: `user:${x.w.carer.row.id}` }),
    },
  ],
  'admin.endAllSessions.userId': [
    {
      as: 'admin',
      call: 'admin.endAllSessions',
      expect: 'NOT_FOUND',
      why: 'staff of another organisation',
      input: (x) => ({ userId: x.w.socialWorker.row.id }),
    },
  ],
  'admin.setCarerAccountActive.carerUserId': [
    {
      as: 'admin',
      call: 'admin.setCarerAccountActive',
      expect: 'NOT_FOUND',
      why: 'a carer of nobody whose record the organisation holds',
      input: (x) => ({ carerUserId: x.w.carer.row.id, change: 'deactivate' }),
    },
  ],
  'carerInvitations.setActive.carerLinkId': [
    {
      as: 'navigator',
      call: 'carerInvitations.setActive',
      expect: 'NOT_FOUND',
      why: 'a carer link that is not this person’s',
      input: (x) => ({ patientId: x.mine, carerLinkId: randomUUID(), change: 'deactivate' }),
    },
  ],
  'notifications.markRead.notificationId': [
    {
      as: 'navigator',
      call: 'notifications.markRead',
      expect: 'NOT_FOUND',
      why: 'another user’s notification',
      input: (x) => ({ notificationId: x.theirNotification }),
    },
  ],
  'directory.get.serviceId': [
    {
      as: 'admin',
      call: 'directory.get',
      expect: 'NOT_FOUND',
      why: 'a service that does not exist',
      input: () => ({ serviceId: randomUUID() }),
    },
  ],
  'directory.save.serviceId': [
    {
      as: 'admin',
      call: 'directory.save',
      expect: 'NOT_FOUND',
      why: 'a service that does not exist',
      input: () => ({ serviceId: randomUUID(), name: 'Lunch club', providerName: 'Age UK', category: 'voluntary_community' }),
    },
  ],
  'directory.save.organisationId': [
    {
      as: 'admin',
      call: 'directory.save',
      expect: 'BAD_REQUEST',
      why: 'an organisation that does not exist',
      input: () => ({ name: 'Lunch club', providerName: 'Age UK', category: 'voluntary_community', organisationId: randomUUID() }),
    },
  ],
  'referrals.send.serviceId': [
    {
      as: 'navigator',
      call: 'referrals.send',
      expect: 'BAD_REQUEST',
      why: 'a service that does not exist',
      input: (x) => ({ patientId: x.mine, serviceId: randomUUID(), reason: 'Support', urgency: 'routine', personWants: 'Help' }),
    },
  ],
  'referrals.removeOutcomeReason.reasonId': [
    {
      as: 'admin',
      call: 'referrals.removeOutcomeReason',
      expect: 'NOT_FOUND',
      why: 'a reason that does not exist',
      input: () => ({ reasonId: randomUUID() }),
    },
  ],
  'handoffs.offer.toUserId': [
    {
      as: 'navigator',
      call: 'handoffs.offer',
      expect: 'BAD_REQUEST',
      why: 'a carer',
      input: (x) => ({ patientId: x.mine, toUserId: x.w.carer.row.id }),
    },
    {
      as: 'navigator',
      call: 'handoffs.offer',
      expect: 'BAD_REQUEST',
      why: 'hospital staff cannot be a named contact',
      input: (x) => ({ patientId: x.mine, toUserId: x.w.hospitalStaff.row.id }),
    },
  ],
  'access.breakGlass.patientId': [
    {
      as: 'gp',
      call: 'access.breakGlass',
      expect: 'NOT_FOUND',
      why: 'a person who does not exist',
      input: () => ({ patientId: randomUUID(), reason: 'Ambulance crew need the medication list' }),
    },
  ],
  'access.review.grantId': [
    {
      as: 'admin',
      call: 'access.review',
      expect: 'NOT_FOUND',
      why: 'a grant that does not exist',
      input: () => ({ grantId: randomUUID(), outcome: 'appropriate', note: 'Checked with the GP' }),
    },
  ],
  'admin.reviewClinicalAccount.changeId': [
    {
      as: 'admin',
      call: 'admin.reviewClinicalAccount',
      expect: 'NOT_FOUND',
      why: 'a change that is not in this administrator’s review list',
      input: () => ({ changeId: randomUUID() }),
    },
  ],
  'metrics.compute.organisationId': [
    {
      as: 'navigator',
      call: 'metrics.compute',
      expect: 'FORBIDDEN',
      why: 'another team’s measures',
      input: (x) => ({ from: '2026-01-01', to: '2026-03-31', scope: 'organisation', organisationId: x.s.others.otherTeam.id }),
    },
  ],
  'mdt.meeting.meetingId': [
    {
      as: 'navigator',
      call: 'mdt.meeting',
      expect: 'NOT_FOUND',
      why: 'another team’s meeting',
      input: (x) => ({ meetingId: x.theirMeeting }),
    },
  ],
  'mdt.worklist.meetingId': [
    {
      as: 'navigator',
      call: 'mdt.worklist',
      expect: 'NOT_FOUND',
      why: 'choosing people for another team’s meeting',
      input: (x) => ({ meetingId: x.theirMeeting }),
    },
  ],
  'mdt.worklist.namedContactUserId': [
    {
      as: 'navigator',
      call: 'mdt.worklist',
      expect: 'BAD_REQUEST',
      why: 'another team’s navigator as the named contact filter',
      input: (x) => ({ namedContactUserId: x.s.others.otherNavigator.id }),
    },
  ],
  'mdt.choosePeople.meetingId': [
    {
      as: 'navigator',
      call: 'mdt.choosePeople',
      expect: 'NOT_FOUND',
      why: 'another team’s meeting',
      input: (x) => ({ meetingId: x.theirMeeting, patientIds: [x.mine] }),
    },
  ],
  'mdt.unchoosePerson.meetingId': [
    {
      as: 'navigator',
      call: 'mdt.unchoosePerson',
      expect: 'NOT_FOUND',
      why: 'another team’s meeting',
      input: (x) => ({ meetingId: x.theirMeeting, patientId: x.mine }),
    },
  ],
  'mdt.recordDiscussion.meetingId': [
    {
      as: 'navigator',
      call: 'mdt.recordDiscussion',
      expect: 'NOT_FOUND',
      why: 'another team’s meeting',
      input: (x) => ({ patientId: x.mine, meetingId: x.theirMeeting, note: text }),
    },
  ],
  'mdt.recordDiscussion.assignee': [
    {
      as: 'navigator',
      call: 'mdt.recordDiscussion',
      expect: 'BAD_REQUEST',
      why: 'another team’s queue as an action owner',
      input: (x) => ({
        patientId: x.mine,
        meetingId: x.s.ids.meetingId,
        note: text,
        actions: [{ title: 'Call', assignee: `team:${x.s.others.otherTeam.id}` }],
      }),
    },
  ],
  'carerInvitations.invite.carerKey': [
    {
      as: 'navigator',
      call: 'carerInvitations.invite',
      expect: 'BAD_REQUEST',
      why: 'a carer the person has not agreed to share with',
      input: (x) => ({ patientId: x.mine, carerKey: carerKeyOf('Somebody Else'), email: 'someone@example.com', relationship: 'Son' }),
    },
  ],
};

const ID_LIKE = /(Id|^assignee|Key)$/;

/** Every id field of every procedure's input ("procedure.field"), including inside lists and choices. */
function idFields(): string[] {
  const out = new Set<string>();
  const visit = (path: string, schema: unknown) => {
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object')
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        if (ID_LIKE.test(k)) out.add(`${path}.${k}`);
        visit(path, v);
      }
    for (const key of ['innerType', 'in', 'out', 'element', 'schema']) if (def[key]) visit(path, def[key]);
    for (const key of ['options', 'left', 'right']) if (Array.isArray(def[key])) for (const o of def[key] as unknown[]) visit(path, o);
  };
  for (const [path, p] of Object.entries(PROCEDURES)) for (const input of p._def.inputs) visit(path, input);
  return [...out].sort();
}

async function run(x: Setup, probe: Probe) {
  const who = { navigator: x.w.navigator, gp: x.w.otherGp, admin: x.w.admin, carer: x.w.carer, housing: x.w.housingWorker }[probe.as];
  return (await callByPath(x.db, who.actor, probe.call, probe.input(x))).code;
}

describe('IDOR: ids that belong to someone else', () => {
  it('every id a procedure takes has probes (the id it is about is probed in the authorization table)', () => {
    const covered = new Set([...Object.keys(PROBES)]);
    expect(idFields().length).toBeGreaterThan(30);
    const missing = idFields().filter((f) => !covered.has(f) && !(RECORD_KEYS as readonly string[]).includes(f.split('.').at(-1)!));
    expect(missing).toEqual([]);
  });

  it('every record procedure called with another person’s id is refused', async () => {
    const x = await setUp();
    const before = await tableChecksums(x.db);
    let probed = 0;
    for (const path of Object.keys(PROCEDURES)) {
      const key = recordKeyOf(path);
      if (!key || path === 'access.breakGlass') continue;
      const { code } = await callByPath(x.db, x.w.navigator.actor, path, { [key]: x.s.ids[key] });
      expect({ path, code }).toEqual({ path, code: 'FORBIDDEN' });
      probed++;
    }
    expect(probed).toBe(40);
    expect(await tableChecksums(x.db)).toEqual(before);
  });

  for (const [field, probes] of Object.entries(PROBES)) {
    for (const probe of probes) {
      it(`${field}: ${probe.why} → ${probe.expect}, nothing changed`, async () => {
        const x = await setUp();
        const before = await tableChecksums(x.db);
        expect(await run(x, probe)).toBe(probe.expect);
        expect(await tableChecksums(x.db)).toEqual(before);
      });
    }
  }
});

describe('IDOR: a team receiving a referral sees that referral, not the person’s other referrals', () => {
  for (const as of ['housing', 'voluntary'] as const) {
    it(`${as}: another organisation’s referral about the same person (closed, with reasons) and its entries → FORBIDDEN, nothing changed`, async () => {
      const db = testDb();
      const s = await buildScenario(db, as, 'referral_to_my_team');
      const me = s.caller!;
      // P's other referral: to adult social care, closed, with clinical reasons and an outcome.
      const asc = serviceRow({ category: 'adult_social_care', name: 'Care assessment', organisationId: s.world.orgs.socialCare.id });
      await db.insert(services).values(asc).run();
      const theirs = referralRow({
        patientId: s.ids.patientId,
        serviceId: asc.id,
        toOrganisationId: s.world.orgs.socialCare.id,
        fromUserId: s.others.owner.id,
        fromOrganisationId: s.others.otherTeam.id,
        reason: 'SECRET memory clinic findings',
        attachments: 'SECRET discharge letter',
        status: 'completed',
        outcome: 'successful',
        outcomeNote: 'SECRET package of care agreed',
        closedAt: Date.now(),
      });
      await db.insert(referrals).values(theirs).run();
      await insertTimelineEvent(db, {
        patientId: s.ids.patientId,
        actorUserId: s.others.owner.id,
        sector: 'social',
        kind: 'referral_completed',
        summary: 'SECRET assessment outcome',
        subjectType: 'referral',
        subjectId: theirs.id,
      });
      // Their own referral still opens, and shows nothing of the other one.
      const own = await me.caller.referrals.get({ referralId: s.ids.referralId });
      expect(JSON.stringify(own)).not.toContain('SECRET');
      const before = await tableChecksums(db);
      const read = await callByPath(db, me.actor, 'referrals.get', { referralId: theirs.id });
      const work = await callByPath(db, me.actor, 'referrals.update', { referralId: theirs.id, action: 'start' });
      expect([read.code, work.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(read.message).not.toContain('SECRET');
      expect(await tableChecksums(db)).toEqual(before);
      const denied = await db
        .select({ action: auditLog.action, patientId: auditLog.patientId })
        .from(auditLog)
        .where(and(eq(auditLog.userId, me.row.id), eq(auditLog.outcome, 'denied')))
        .all();
      expect(denied).toEqual([
        { action: 'referrals.get', patientId: s.ids.patientId },
        { action: 'referrals.update', patientId: s.ids.patientId },
      ]);
    });
  }
});
