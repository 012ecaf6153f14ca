import { afterEach, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, emailOutbox, notifications, timelineEvents, users } from '../../db/schema';
import { insertConsent, insertTimelineEvent, insertUser } from '../../db/factories';
import { hashPassword } from '../auth/password';
import { LOCK_MS, MAX_FAILURES, SIGN_IN_MESSAGES, verifyCredentials } from '../auth/verify-credentials';
import type { Db } from '../../db/client';
import { createCaller } from '../trpc/app-router';
import { testDb } from '../../test/db';
import { saveService } from '../directory/save-service';
import { todayInEngland } from '../calendar/england-time';
import { failure, makeWorld, rowCounts } from '../../test/world';

const today = () => new Date().toISOString().slice(0, 10);
const PASSWORD = 'correct horse battery staple';

/** A world where Margaret has agreed to share with her daughter Carol, who has been invited. */
async function invited(db: Db) {
  const w = await makeWorld(db);
  await w.navigator.caller.consent.record({
    patientId: w.patient.id,
    purpose: 'named_carer',
    decision: 'granted',
    method: 'verbal',
    carerName: 'Carol Thompson',
    decidedOn: today(),
  });
  const invitation = await w.navigator.caller.carerInvitations.invite({
    patientId: w.patient.id,
    carerKey: 'carol thompson',
    email: 'Carol@Example.com',
    relationship: 'Daughter',
  });
  const token = new URL(invitation.link).hash.slice(1) || invitation.link.split('/').at(-1)!;
  const publicCaller = createCaller({ db, actor: null });
  return { w, invitation, token, publicCaller };
}

/** Accepts the invitation and returns a caller signed in as the new carer. */
async function accepted(db: Db) {
  const setup = await invited(db);
  await setup.publicCaller.carerInvitations.accept({
    token: setup.token,
    name: 'Carol Thompson',
    password: PASSWORD,
    confirmPassword: PASSWORD,
  });
  const user = await db.get<{ id: string; name: string }>(sql`select id, name from users where email = 'carol@example.com'`);
  const carer = createCaller({ db, actor: { userId: user.id, name: user.name, role: 'carer', organisationId: null, sector: null } });
  return { ...setup, carer, carerUserId: user.id };
}

afterEach(() => vi.useRealTimers());

describe('carer invitations', () => {
  it('need the person’s consent to share with that carer in force, and write nothing otherwise', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const before = await rowCounts(db);
    const noConsent = await failure(
      w.navigator.caller.carerInvitations.invite({
        patientId: w.patient.id,
        carerKey: 'carol thompson',
        email: 'carol@example.com',
        relationship: 'Daughter',
      }),
    );
    expect(noConsent.code).toBe('BAD_REQUEST');
    expect(noConsent.message).toMatch(/Carer: the person has not agreed to share with this carer/);
    // Consent for a different carer does not count.
    await insertConsent(db, {
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'granted',
      carerName: 'Someone Else',
      recordedByUserId: w.navigator.row.id,
    });
    expect(
      (
        await failure(
          w.navigator.caller.carerInvitations.invite({
            patientId: w.patient.id,
            carerKey: 'carol thompson',
            email: 'carol@example.com',
            relationship: 'Daughter',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    const after = await rowCounts(db);
    expect({ ...after, consents: before.consents }).toEqual(before);
  });

  it('a lasting power of attorney counts as the person’s agreement', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'granted',
      method: 'lasting_power_of_attorney',
      carerName: 'Peter Thompson',
      decidedOn: today(),
    });
    const result = await w.navigator.caller.carerInvitations.invite({
      patientId: w.patient.id,
      carerKey: 'peter thompson',
      email: 'peter@example.com',
      relationship: 'Son (attorney)',
    });
    expect(result.link).toMatch(/\/invitation#[A-Za-z0-9_-]{43}$/);
  });

  it('names the field for bad input, and only navigators may invite', async () => {
    const db = testDb();
    const { w } = await invited(db);
    const before = await rowCounts(db);
    const bad = await failure(
      w.navigator.caller.carerInvitations.invite({
        patientId: w.patient.id,
        carerKey: 'carol thompson',
        email: 'not-an-email',
        relationship: '',
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/email: Email address must be a real email address/);
    expect(bad.message).toMatch(/relationship: Enter how they are related/);
    const staffEmail = await failure(
      w.navigator.caller.carerInvitations.invite({
        patientId: w.patient.id,
        carerKey: 'carol thompson',
        email: w.gp.row.email,
        relationship: 'Daughter',
      }),
    );
    expect(staffEmail.message).toMatch(/Email address: this is a staff account’s address/);
    expect(
      (
        await failure(
          w.gp.caller.carerInvitations.invite({
            patientId: w.patient.id,
            carerKey: 'carol thompson',
            email: 'x@example.com',
            relationship: 'Friend',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('makes a 7-day single-use link, its secret only after # and only shown to the navigator: the email outbox has no usable link', async () => {
    const db = testDb();
    const { w, invitation, token, publicCaller } = await invited(db);
    expect(invitation.expiresAt - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(invitation.expiresAt - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const email = (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'carol@example.com')).get())!;
    expect(email.body).not.toMatch(/Margaret|Thompson/);
    // The secret travels after "#": browsers never send it, so no request path or server log holds it.
    expect(new URL(invitation.link).pathname).toBe('/invitation');
    expect(new URL(invitation.link).search).toBe('');
    expect(new URL(invitation.link).hash).toBe(`#${token}`);
    // No usable secret at rest: the email says a link is coming from the navigator, and holds no link.
    expect(JSON.stringify(await db.all(sql`select * from email_outbox`))).not.toContain(token);
    expect(email.body).not.toContain('/invitation');
    expect(email.body).toMatch(new RegExp(`${w.navigator.actor.name} will give you the link`));
    // Only a hash of the secret is stored.
    expect(JSON.stringify(await db.all(sql`select * from carer_invitations`))).not.toContain(token);
    expect(await publicCaller.carerInvitations.get({ token })).toMatchObject({
      status: 'open',
      carerName: 'Carol Thompson',
      email: 'carol@example.com',
      invitedByName: w.navigator.actor.name,
      hasAccount: false,
    });
    const event = await db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.patientId, w.patient.id), eq(timelineEvents.kind, 'carer_invited')))
      .get();
    expect(event?.carerVisible).toBe(false);
  });

  it('accepting sets a password that meets the rules, links the carer, and the link then says it was used', async () => {
    const db = testDb();
    const { token, publicCaller, w } = await invited(db);
    const before = await rowCounts(db);
    const short = await failure(
      publicCaller.carerInvitations.accept({ token, name: 'Carol Thompson', password: 'short', confirmPassword: 'short' }),
    );
    expect(short.message).toMatch(/at least 12 characters/);
    // Long enough is not enough (#16 finding 17): guessable passwords and the carer's own name or email are refused.
    for (const [weak, says] of [
      ['aaaaaaaaaaaa', /password: Password: repeated letters or numbers like "aaa" are easy to guess\. Add another word or two\./],
      ['password1234', /password: Password: this is too like a common password\./],
      ['Carol Thompson 1950', /password: Password: it must not contain your name, email address or organisation\./],
      ['carol@example.com!!', /password: Password: it must not contain your name, email address or organisation\./],
    ] as const) {
      expect(
        (await failure(publicCaller.carerInvitations.accept({ token, name: 'Carol Thompson', password: weak, confirmPassword: weak })))
          .message,
      ).toMatch(says);
    }
    const mismatch = await failure(
      publicCaller.carerInvitations.accept({ token, name: 'Carol Thompson', password: PASSWORD, confirmPassword: `${PASSWORD}!` }),
    );
    expect(mismatch.message).toMatch(/Confirm password: the two passwords are not the same/);
    expect(await rowCounts(db)).toEqual(before);

    await publicCaller.carerInvitations.accept({ token, name: 'Carol Thompson', password: PASSWORD, confirmPassword: PASSWORD });
    expect(await rowCounts(db)).toMatchObject({ users: before.users! + 1, carer_links: before.carer_links! + 1 });
    // The carer chose this password themselves: no forced change at first sign-in.
    expect(await db.select({ m: users.mustChangePassword }).from(users).where(eq(users.email, 'carol@example.com')).get()).toEqual({
      m: false,
    });
    expect(await publicCaller.carerInvitations.get({ token })).toEqual({ status: 'used' });
    const again = await failure(
      publicCaller.carerInvitations.accept({ token, name: 'Mallory', password: PASSWORD, confirmPassword: PASSWORD }),
    );
    expect(again.code).toBe('BAD_REQUEST');
    expect(again.message).toMatch(/already been used/);
    expect(
      await db
        .select()
        .from(timelineEvents)
        .where(and(eq(timelineEvents.patientId, w.patient.id), eq(timelineEvents.kind, 'carer_linked')))
        .all(),
    ).toHaveLength(1);
  });

  it('with an existing carer account, the password goes through sign-in’s check: failures audited, counted and locked out together', async () => {
    const db = testDb();
    const account = await insertUser(db, {
      role: 'carer',
      organisationId: null,
      name: 'Carol Thompson',
      email: 'carol@example.com',
      passwordHash: await hashPassword(PASSWORD),
    });
    const { token, publicCaller } = await invited(db);
    expect(await publicCaller.carerInvitations.get({ token })).toMatchObject({ status: 'open', hasAccount: true });
    const before = await rowCounts(db);
    const wrong = await failure(publicCaller.carerInvitations.accept({ token, password: 'not the password at all' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.message).toBe('password: Password: this is not the password of your carenav account');
    // Each wrong password is audited against the account, like a failed sign-in.
    const audited = async () =>
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.userId, account.id), eq(auditLog.outcome, 'denied')))
        .all();
    expect(await audited()).toEqual([expect.objectContaining({ action: 'invitations.accept', rule: 'wrong_password', patientId: null })]);
    // Sign-in failures and invitation failures are one count: together they lock the account out.
    for (let i = 1; i < MAX_FAILURES - 1; i++) await verifyCredentials(db, 'carol@example.com', 'another wrong one');
    const locking = await failure(publicCaller.carerInvitations.accept({ token, password: 'not the password at all' }));
    expect(locking.message).toBe(`password: ${SIGN_IN_MESSAGES.locked}`);
    // Locked: even the right password is refused, on the invitation as at sign-in, and nothing is linked.
    const locked = await failure(publicCaller.carerInvitations.accept({ token, password: PASSWORD }));
    expect(locked.message).toBe(`password: ${SIGN_IN_MESSAGES.locked}`);
    expect(await verifyCredentials(db, 'carol@example.com', PASSWORD)).toEqual({ ok: false, error: 'locked' });
    expect(await rowCounts(db)).toEqual(before);
    // The attempt that locks it, then the attempt on the locked account: every attempt is audited.
    expect((await audited()).filter((a) => a.action === 'invitations.accept').map((a) => a.rule)).toEqual([
      'wrong_password',
      'locked_out',
      'locked_out',
    ]);

    // Once the lock has passed, the right password accepts and links the existing account.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + LOCK_MS + 1000);
    expect(await publicCaller.carerInvitations.accept({ token, password: PASSWORD })).toEqual({ email: 'carol@example.com' });
    expect(await rowCounts(db)).toMatchObject({ users: before.users, carer_links: before.carer_links! + 1 });
  });

  it('an expired link says so plainly and cannot be accepted', async () => {
    const db = testDb();
    const { token, publicCaller } = await invited(db);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 7 * 86_400_000 + 1000);
    expect(await publicCaller.carerInvitations.get({ token })).toEqual({ status: 'expired' });
    const error = await failure(
      publicCaller.carerInvitations.accept({ token, name: 'Carol', password: PASSWORD, confirmPassword: PASSWORD }),
    );
    expect(error.message).toMatch(/This invitation link has expired/);
    expect(await publicCaller.carerInvitations.get({ token: 'not-a-real-token' })).toEqual({ status: 'unknown' });
  });

  it('a newer invitation to the same address replaces the older link', async () => {
    const db = testDb();
    const { w, token, publicCaller } = await invited(db);
    await w.navigator.caller.carerInvitations.invite({
      patientId: w.patient.id,
      carerKey: 'carol thompson',
      email: 'carol@example.com',
      relationship: 'Daughter',
    });
    expect(await publicCaller.carerInvitations.get({ token })).toEqual({ status: 'revoked' });
  });
});

describe('the carer’s view', () => {
  it('has exactly the allowed fields: named contact, care team, appointments, open referrals and discharges in plain words, carer-visible updates', async () => {
    const db = testDb();
    const { w, carer } = await accepted(db);
    const now = Date.now();
    await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'primary',
      kind: 'note',
      summary: 'Note',
      body: 'SECRET clinical note',
      carerVisible: false,
    });
    await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'primary',
      kind: 'contact',
      summary: 'Home visit',
      body: 'Visited, all well',
      carerVisible: true,
      occurredAt: now - 3_600_000,
    });
    await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'community',
      kind: 'appointment',
      summary: 'Appointment',
      body: 'District nurse visit at home',
      carerVisible: true,
      occurredAt: now + 86_400_000,
    });
    await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'community',
      kind: 'appointment',
      summary: 'Appointment',
      body: 'Past appointment',
      carerVisible: true,
      occurredAt: now - 86_400_000,
    });
    await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'community',
      kind: 'appointment',
      summary: 'Appointment',
      body: 'Private appointment',
      carerVisible: false,
      occurredAt: now + 86_400_000,
    });

    const { people, notSharing } = await carer.carer.summaries();
    expect(notSharing).toBe(0);
    expect(people).toHaveLength(1);
    const person = people[0]!;
    expect(Object.keys(person).sort()).toEqual([
      'appointments',
      'careTeam',
      'discharges',
      'explanation',
      'name',
      'namedContact',
      'patientId',
      'referrals',
      'relationship',
      'updates',
    ]);
    expect(person.namedContact).toMatchObject({ name: 'Nadia Navigator' });
    expect(Object.keys(person.careTeam[0]!).sort()).toEqual(['name', 'organisationName', 'phone', 'role']);
    expect(person.appointments.map((a) => a.body)).toEqual(['District nurse visit at home']);
    expect(person.updates.map((u) => u.body)).toContain('Visited, all well');
    expect(Object.keys(person.updates[0]!).sort()).toEqual(['body', 'byName', 'id', 'occurredAt', 'summary']);
    expect(person.explanation).toMatch(/consent to share with you was given on/);
    const json = JSON.stringify(people);
    expect(json).not.toMatch(/SECRET|Private appointment|nhsNumber|conditions|aboutWhatMatters|dateOfBirth|riskLevel/);
  });

  it('shows open referrals and discharges in plain words, and nothing clinical about them', async () => {
    const db = testDb();
    const { w, carer } = await accepted(db);
    const service = await saveService(db, w.admin.actor, {
      serviceId: '',
      name: 'Tenancy support',
      providerName: 'Housing',
      organisationId: w.orgs.housing.id,
      category: 'housing',
      area: '',
      description: '',
      eligibility: '',
      contact: '0113 496 0000',
      targetUrgentHours: 4,
      targetSoonWorkingDays: 2,
      targetRoutineWorkingDays: 10,
      active: true,
    });
    await w.navigator.caller.referrals.send({
      patientId: w.patient.id,
      serviceId: service.id,
      reason: 'SECRET reason for referral',
      urgency: 'soon',
      personWants: 'Stay at home',
    } as never);
    await w.navigator.caller.discharges.flag({
      nhsNumber: w.patient.nhsNumber,
      dateOfBirth: w.patient.dateOfBirth,
      flaggerContact: 'Ward 7, 0113 000 0000',
      hospital: 'St James’s',
      ward: 'Ward 7',
      expectedDate: todayInEngland(),
      pathway: 1,
      riskLevel: 'high',
      concern: 'SECRET concern',
      ask: 'Visit within a day',
      careVisitsPerDay: 4,
      careProvider: 'Homecare Ltd',
      carerConsulted: 'yes',
    } as never);
    const person = (await carer.carer.summaries()).people[0]!;
    expect(person.referrals).toEqual(['Referral to housing (Tenancy support): sent, waiting to be picked up']);
    expect(person.discharges[0]).toMatch(
      /^Coming home from St James’s: expected on .* Carers from Homecare Ltd will visit 4 times a day\.$/,
    );
    expect(JSON.stringify(person)).not.toContain('SECRET');
  });

  it('withdrawing consent ends the carer’s access on their next request; the link stays', async () => {
    const db = testDb();
    const { w, carer, carerUserId } = await accepted(db);
    expect((await carer.carer.summaries()).people).toHaveLength(1);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'withdrawn',
      method: 'verbal',
      carerName: ' carol  THOMPSON ',
      decidedOn: today(),
    });
    expect(await carer.carer.summaries()).toEqual({ people: [], notSharing: 1 });
    const refused = await failure(carer.carer.sendUpdate({ patientId: w.patient.id, message: 'Mum had a fall' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/consent to share with you was withdrawn/);
    expect((await failure(carer.carer.accessLog({ patientId: w.patient.id }))).code).toBe('FORBIDDEN');
    expect(await db.get(sql`select count(*) as n from carer_links where carer_user_id = ${carerUserId}`)).toEqual({ n: 1 });
    const denial = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, carerUserId), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denial.map((d) => d.rule)).toContain('sharing_not_allowed');
  });

  it('withdrawing consent for one carer leaves another carer’s access alone', async () => {
    const db = testDb();
    const { w, carer } = await accepted(db);
    await w.navigator.caller.consent.record({
      patientId: w.patient.id,
      purpose: 'named_carer',
      decision: 'withdrawn',
      method: 'verbal',
      carerName: 'Someone Else',
      decidedOn: today(),
    });
    expect((await carer.carer.summaries()).people).toHaveLength(1);
  });

  it('"send an update" lands on the timeline as sector carer and notifies the named contact', async () => {
    const db = testDb();
    const { w, carer } = await accepted(db);
    const bad = await failure(carer.carer.sendUpdate({ patientId: w.patient.id, message: '   ' }));
    expect(bad.message).toMatch(/message: Enter your message/);
    await carer.carer.sendUpdate({ patientId: w.patient.id, message: 'Mum seems more confused since Tuesday' });
    const event = (await db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.patientId, w.patient.id), eq(timelineEvents.kind, 'carer_update')))
      .get())!;
    expect(event).toMatchObject({
      sector: 'carer',
      body: 'Mum seems more confused since Tuesday',
      carerVisible: true,
      organisationId: null,
    });
    const inbox = await db.select().from(notifications).where(eq(notifications.userId, w.navigator.row.id)).all();
    expect(inbox.map((n) => n.title)).toContain('Carol Thompson sent an update as a carer');
    const staffView = await w.navigator.caller.timeline.list({ patientId: w.patient.id });
    expect(staffView.items[0]).toMatchObject({ kind: 'carer_update', sector: 'carer' });
  });

  it('a carer never reaches a staff procedure or a person they are not linked to (403, audited)', async () => {
    const db = testDb();
    const { w, carer, carerUserId } = await accepted(db);
    for (const call of [
      () => carer.patients.get({ patientId: w.patient.id }),
      () => carer.timeline.list({ patientId: w.patient.id }),
      () => carer.access.log({ patientId: w.patient.id }),
      () => carer.patients.search({ namePrefix: 'Tho' } as never),
      () => carer.referrals.list({ view: 'inbox' } as never),
    ]) {
      expect((await failure(call())).code).toBe('FORBIDDEN');
    }
    const other = await db.get<{ id: string } | undefined>(sql`select id from patients where id != ${w.patient.id} limit 1`);
    if (other) expect((await failure(carer.carer.sendUpdate({ patientId: other.id, message: 'hello there' }))).code).toBe('FORBIDDEN');
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, carerUserId), eq(auditLog.outcome, 'denied')))
      .all();
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });
});
