import { randomUUID as newId } from 'node:crypto';
import type { Db } from '../db/client';
import {
  breakGlassGrants,
  carerLinks,
  carerKeyOf,
  discharges,
  mdtMeetings,
  namedContactHandoffs,
  notifications,
  patients,
  referrals,
  services,
  tasks,
} from '../db/schema';
import { insertCareTeamMember, insertConsent, insertOrganisation, insertPatient, insertTimelineEvent, insertUser } from '../db/factories';
import { eq } from 'drizzle-orm';
import { makeWorld } from './world';

/** The people who call carenav in the authorization suites (plus nobody signed in). */
export const CALLERS = ['navigator', 'gp', 'hospital', 'social', 'housing', 'voluntary', 'admin', 'carer', 'anonymous'] as const;
export type CallerKey = (typeof CALLERS)[number];

/** How the caller is related to the person the request is about. */
export const RELATIONSHIPS = [
  'none',
  'named_contact',
  'caseload',
  'care_team',
  'same_practice',
  'referral_to_my_team',
  /** A referral to the caller's team that they worked (picked up), now completed: their only link. */
  'referral_handled',
  'flagged_discharge',
  'handoff_offered',
  'sharing_withdrawn',
  'consent_granted',
  'consent_withdrawn',
  'break_glass_active',
  'break_glass_expired',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The relationships each caller can have with a person: every cell of the authorization table. */
export const RELATIONSHIPS_OF: Record<CallerKey, readonly Relationship[]> = {
  navigator: [
    'none',
    'named_contact',
    'caseload',
    'care_team',
    'referral_to_my_team',
    'handoff_offered',
    'break_glass_active',
    'break_glass_expired',
  ],
  gp: ['none', 'same_practice', 'care_team', 'break_glass_active', 'break_glass_expired'],
  hospital: ['none', 'flagged_discharge', 'care_team'],
  social: [
    'none',
    'named_contact',
    'care_team',
    'referral_to_my_team',
    'handoff_offered',
    'sharing_withdrawn',
    'break_glass_active',
    'break_glass_expired',
  ],
  housing: [
    'none',
    'care_team',
    'referral_to_my_team',
    'referral_handled',
    'sharing_withdrawn',
    'break_glass_active',
    'break_glass_expired',
  ],
  voluntary: ['none', 'care_team', 'referral_to_my_team', 'referral_handled', 'sharing_withdrawn'],
  admin: ['none', 'care_team'],
  carer: ['none', 'consent_granted', 'consent_withdrawn'],
  anonymous: ['none'],
};

export type Cell = `${CallerKey}/${Relationship}`;
export const ALL_CELLS: Cell[] = CALLERS.flatMap((c) => RELATIONSHIPS_OF[c].map((r): Cell => `${c}/${r}`));

const HOUR = 3_600_000;

/**
 * One person ("P") with everything a request can name (a discharge, a task, a referral, a pending
 * hand-over, a timeline entry, an MDT meeting, a notification), owned by another navigator team and
 * registered at another practice, so that the caller's only link to P is `relationship`.
 */
export async function buildScenario(db: Db, callerKey: CallerKey, relationship: Relationship) {
  const w = await makeWorld(db);
  const now = Date.now();
  const otherTeam = await insertOrganisation(db, { name: 'Other nav team', kind: 'navigator_team' });
  const otherServices = await insertOrganisation(db, { name: 'Other services', kind: 'voluntary' });
  const owner = await insertUser(db, { role: 'navigator', organisationId: otherTeam.id, name: 'Olive Owner' });
  const otherHospital = await insertUser(db, { role: 'hospital_staff', organisationId: w.orgs.hospital.id, name: 'Other ward' });
  const otherNavigator = await insertUser(db, { role: 'navigator', organisationId: otherTeam.id, name: 'Oscar Other' });

  const callers = {
    navigator: w.navigator,
    gp: w.gp,
    hospital: w.hospitalStaff,
    social: w.socialWorker,
    housing: w.housingWorker,
    voluntary: w.voluntaryWorker,
    admin: w.admin,
    carer: w.carer,
  } as const;
  const caller = callerKey === 'anonymous' ? null : callers[callerKey];
  const callerId = caller?.row.id ?? null;
  const callerOrg = caller?.actor.organisationId ?? null;

  const person = await insertPatient(db, {
    givenName: 'Patricia',
    familyName: 'Person',
    registeredPracticeId: w.orgs.otherPractice.id,
    caseloadOrganisationId: otherTeam.id,
    namedContactUserId: null,
  });
  const patientId = person.id;
  // Sharing is not what most cells test: P has agreed to share with housing and voluntary services.
  for (const purpose of ['housing', 'voluntary_services'] as const) {
    await insertConsent(db, { patientId, purpose, decision: 'granted', recordedByUserId: owner.id, decidedAt: now - 2 * 86_400_000 });
  }

  const service = async (organisationId: string, name: string) => {
    const row = {
      id: newId(),
      name,
      providerName: name,
      organisationId,
      category: 'voluntary_community' as const,
      createdAt: now,
      updatedAt: now,
    };
    await db.insert(services).values(row).run();
    return row;
  };
  const handled = relationship === 'referral_handled';
  const referralTo =
    (relationship === 'referral_to_my_team' || handled) && callerOrg
      ? await service(callerOrg, 'Caller’s service')
      : await service(otherServices.id, 'Other service');
  const referralId = newId();
  await db
    .insert(referrals)
    .values({
      id: referralId,
      patientId,
      serviceId: referralTo.id,
      toOrganisationId: referralTo.organisationId,
      fromUserId: owner.id,
      fromOrganisationId: otherTeam.id,
      reason: 'Needs support at home',
      urgency: 'routine',
      personWants: 'To stay at home',
      aboutMeReused: true,
      targetAt: now + 48 * HOUR,
      sentAt: now,
      updatedAt: now,
      // Picked up by the caller and completed: finished, so it gives no access to the person.
      ...(handled
        ? { status: 'completed' as const, ownerUserId: callerId, outcome: 'successful' as const, respondedAt: now, closedAt: now }
        : {}),
    })
    .run();

  const dischargeId = newId();
  await db
    .insert(discharges)
    .values({
      id: dischargeId,
      patientId,
      flaggedByUserId: relationship === 'flagged_discharge' && callerId ? callerId : otherHospital.id,
      flaggedByOrganisationId: w.orgs.hospital.id,
      flaggerContact: 'Ward 3, ext 1234',
      hospital: 'St James’s',
      expectedDate: new Date(now + 2 * 86_400_000).toISOString().slice(0, 10),
      pathway: 1,
      riskLevel: 'high',
      concern: 'Lives alone',
      ask: 'Call after discharge',
      careVisitsPerDay: 2,
      careProvider: 'Homecare Ltd',
      carerConsulted: true,
      followUpHours: 24,
      createdAt: now,
      updatedAt: now,
    })
    .run();

  const taskId = newId();
  await db
    .insert(tasks)
    .values({
      id: taskId,
      patientId,
      title: 'Check medication',
      assigneeOrganisationId: otherTeam.id,
      dueAt: now + 24 * HOUR,
      origin: 'manual',
      createdByUserId: owner.id,
      createdAt: now,
      updatedAt: now,
    })
    .run();

  const handoffId = newId();
  await db
    .insert(namedContactHandoffs)
    .values({
      id: handoffId,
      patientId,
      fromUserId: owner.id,
      toUserId: relationship === 'handoff_offered' && callerId ? callerId : otherNavigator.id,
      note: 'Moving to your area',
      createdAt: now,
    })
    .run();

  const event = await insertTimelineEvent(db, {
    patientId,
    actorUserId: owner.id,
    sector: 'primary',
    summary: 'Phoned Patricia',
    body: 'All well',
  });

  const meetingId = newId();
  await db
    .insert(mdtMeetings)
    .values({
      id: meetingId,
      organisationId: w.orgs.navTeam.id,
      heldOn: new Date(now).toISOString().slice(0, 10),
      attendees: 'Nadia Navigator',
      recordedByUserId: w.navigator.row.id,
      createdAt: now,
    })
    .run();

  const notificationId = newId();
  await db
    .insert(notifications)
    .values({ id: notificationId, userId: callerId ?? owner.id, kind: 'handoff', title: 'A hand-over', createdAt: now })
    .run();

  // The relationship itself.
  switch (relationship) {
    case 'named_contact':
      await db.update(patients).set({ namedContactUserId: callerId }).where(eq(patients.id, patientId)).run();
      break;
    case 'caseload':
      await db.update(patients).set({ caseloadOrganisationId: callerOrg! }).where(eq(patients.id, patientId)).run();
      break;
    case 'same_practice':
      await db.update(patients).set({ registeredPracticeId: callerOrg! }).where(eq(patients.id, patientId)).run();
      break;
    case 'care_team':
    case 'sharing_withdrawn':
      await insertCareTeamMember(db, {
        patientId,
        userId: callerId,
        name: caller!.actor.name,
        organisationId: callerOrg,
        organisationName: 'Org',
      });
      if (relationship === 'sharing_withdrawn') {
        const purpose = callerKey === 'social' ? 'adult_social_care' : callerKey === 'housing' ? 'housing' : 'voluntary_services';
        await insertConsent(db, { patientId, purpose, decision: 'withdrawn', recordedByUserId: owner.id, decidedAt: now - 1000 });
      }
      break;
    case 'consent_granted':
    case 'consent_withdrawn':
      await db
        .insert(carerLinks)
        .values({
          id: newId(),
          carerUserId: callerId!,
          patientId,
          relationship: 'Daughter',
          carerKey: carerKeyOf(caller!.actor.name),
          createdAt: now - HOUR,
        })
        .run();
      await insertConsent(db, {
        patientId,
        purpose: 'named_carer',
        carerName: caller!.actor.name,
        decision: 'granted',
        recordedByUserId: owner.id,
        decidedAt: now - HOUR,
      });
      if (relationship === 'consent_withdrawn') {
        await insertConsent(db, {
          patientId,
          purpose: 'named_carer',
          carerName: caller!.actor.name,
          decision: 'withdrawn',
          recordedByUserId: owner.id,
          decidedAt: now - 1000,
        });
      }
      break;
    case 'break_glass_active':
    case 'break_glass_expired': {
      const grantedAt = relationship === 'break_glass_active' ? now - HOUR : now - 5 * HOUR;
      await db
        .insert(breakGlassGrants)
        .values({
          id: newId(),
          userId: callerId!,
          patientId,
          reason: 'Ambulance crew asked for medication list',
          grantedAt,
          expiresAt: grantedAt + 4 * HOUR,
        })
        .run();
      break;
    }
    case 'none':
    case 'referral_to_my_team':
    case 'referral_handled':
    case 'flagged_discharge':
    case 'handoff_offered':
      break;
  }

  return {
    db,
    person: (await db.select().from(patients).where(eq(patients.id, patientId)).get())!,
    world: w,
    caller,
    ids: { patientId, dischargeId, taskId, referralId, handoffId, eventId: event.id, meetingId, notificationId, serviceId: referralTo.id },
    others: { owner, otherTeam, otherServices, otherHospital, otherNavigator },
  };
}
export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
