import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { discharges, namedContactHandoffs, patients, referrals, services, users, wellbeingScores } from '../schema';
import { DEMO_EMAIL_DOMAIN } from './demo-accounts';
import { insertTimelineEvent, testNhsNumber } from '../factories';
import { newId } from '../../server/ids';
import { targetFor } from '../../server/referrals/referral-fields';

const H = 3_600_000;
const D = 24 * H;

/** A small deterministic random source, so the demo history is the same on every machine. */
function random(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), chance: (p: number) => next() < p };
}

/**
 * Twelve weeks of finished work behind the demo, so every measure on /metrics has real numbers:
 * discharges home and followed up (some late, some never), referrals answered in and out of
 * target with every outcome, hand-overs, and ONS4 scores at baseline and follow-up. People 0–5,
 * which the end-to-end tests use, are left alone.
 */
export async function seedDemoHistory(db: Db, now = Date.now()): Promise<void> {
  const rnd = random(20261121);
  const user = async (local: string) =>
    (await db
      .select()
      .from(users)
      .where(eq(users.email, `${local}@${DEMO_EMAIL_DOMAIN}`))
      .get())!;
  const navigator = await user('navigator');
  const navigator2 = await user('navigator2');
  const hospital = await user('hospital');
  const person = async (i: number) =>
    (await db
      .select()
      .from(patients)
      .where(eq(patients.nhsNumber, testNhsNumber(100000 + i * 37)))
      .get())!;
  const people: Awaited<ReturnType<typeof person>>[] = [];
  for (let k = 0; k < 34; k++) people.push(await person(6 + k));
  const svc = (
    await db
      .select()
      .from(services)
      .where(inArray(services.externalId, ['nsh-001', 'nsh-002', 'nsh-003', 'nsh-004', 'nsh-008']))
      .all()
  ).filter((s) => s.organisationId);
  const NOT_SUCCESSFUL = ['Declined by the person', 'Could not contact', 'No capacity'];
  const DECLINED = ['Not eligible: under the threshold', 'Already receiving this support', 'Outside our area'];

  await db.transaction(async (tx) => {
    for (let week = 12; week >= 1; week--) {
      const weekStart = now - week * 7 * D;
      // Two or three risky discharges a week.
      for (let k = 0; k < rnd.int(2, 3); k++) {
        const p = people[rnd.int(0, people.length - 1)]!;
        const flaggedAt = weekStart + rnd.int(0, 4) * D + rnd.int(8, 17) * H;
        const homeAt = flaggedAt + rnd.int(1, 3) * D;
        const high = rnd.chance(0.6);
        const contacted = rnd.chance(0.85);
        const contactAt = homeAt + rnd.int(3, high ? 50 : 70) * H;
        const id = newId();
        await tx
          .insert(discharges)
          .values({
            id,
            patientId: p.id,
            flaggedByUserId: hospital.id,
            flaggedByOrganisationId: hospital.organisationId,
            flaggerContact: 'Ward 12 discharge desk, 0113 496 0412',
            hospital: 'Northgate General Hospital',
            ward: 'Ward 12',
            expectedDate: new Date(homeAt).toISOString().slice(0, 10),
            pathway: 1,
            riskLevel: high ? 'high' : 'medium',
            concern: 'Lives alone; new care package.',
            ask: 'Visit within a day of getting home.',
            careVisitsPerDay: 2,
            careProvider: 'Northshire Homecare',
            carerConsulted: true,
            status: contacted ? 'closed' : 'home',
            followUpHours: 24,
            homeAt,
            followedUpAt: contacted ? contactAt : null,
            followedUpByUserId: contacted ? navigator.id : null,
            followUpOutcome: contacted ? 'Settled at home; care package started.' : null,
            closedAt: contacted ? contactAt + D : null,
            closedReason: null,
            createdAt: flaggedAt,
            updatedAt: contacted ? contactAt : homeAt,
          })
          .run();
        await insertTimelineEvent(tx, {
          patientId: p.id,
          kind: 'discharge_flagged',
          summary: 'Risky discharge flagged (Northgate General Hospital)',
          actorUserId: hospital.id,
          organisationId: hospital.organisationId,
          sector: 'secondary',
          occurredAt: flaggedAt,
          recordedAt: flaggedAt,
          subjectType: 'discharge',
          subjectId: id,
        });
        if (contacted) {
          await insertTimelineEvent(tx, {
            patientId: p.id,
            kind: 'contact',
            contactMethod: 'home_visit',
            summary: 'Home visit',
            body: 'Follow-up visit after getting home.',
            actorUserId: navigator.id,
            organisationId: navigator.organisationId,
            sector: 'primary',
            occurredAt: contactAt,
            recordedAt: contactAt,
            carerVisible: true,
          });
        }
      }
      // Three or four referrals a week, answered in or out of target, with every outcome.
      for (let k = 0; k < rnd.int(3, 4); k++) {
        const p = people[rnd.int(0, people.length - 1)]!;
        const service = svc[rnd.int(0, svc.length - 1)]!;
        const urgency = (['urgent', 'soon', 'routine'] as const)[rnd.int(0, 2)]!;
        const sentAt = weekStart + rnd.int(0, 4) * D + rnd.int(9, 16) * H;
        const targetAt = targetFor(service, urgency, sentAt);
        const respondedAt = sentAt + Math.round((targetAt - sentAt) * (rnd.chance(0.75) ? rnd.next() * 0.9 : 1.1 + rnd.next()));
        const roll = rnd.next();
        const status = roll < 0.15 ? 'declined' : roll < 0.75 ? 'completed' : 'in_progress';
        const successful = rnd.chance(0.7);
        const reused = rnd.chance(0.7);
        await tx
          .insert(referrals)
          .values({
            id: newId(),
            patientId: p.id,
            serviceId: service.id,
            toOrganisationId: service.organisationId!,
            fromUserId: navigator.id,
            fromOrganisationId: navigator.organisationId,
            reason: 'Support to stay well at home.',
            urgency,
            personWants: reused ? p.aboutWhatMatters : 'To stay in my own home.',
            aboutMeReused: reused,
            status,
            declineReason: status === 'declined' ? DECLINED[rnd.int(0, 2)] : null,
            outcome: status === 'completed' ? (successful ? 'successful' : 'not_successful') : null,
            outcomeReason: status === 'completed' && !successful ? NOT_SUCCESSFUL[rnd.int(0, 2)] : null,
            targetAt,
            sentAt,
            respondedAt,
            closedAt: status === 'declined' ? respondedAt : status === 'completed' ? respondedAt + rnd.int(3, 20) * D : null,
            updatedAt: respondedAt,
          })
          .run();
      }
      // A hand-over of named contact every other week.
      if (week % 2 === 0) {
        const p = people[rnd.int(0, people.length - 1)]!;
        const createdAt = weekStart + rnd.int(0, 4) * D + 10 * H;
        await tx
          .insert(namedContactHandoffs)
          .values({
            id: newId(),
            patientId: p.id,
            fromUserId: navigator.id,
            toUserId: navigator2.id,
            note: 'Moving closer to Sam’s patch.',
            status: rnd.chance(0.8) ? 'accepted' : 'declined',
            createdAt,
            decidedAt: createdAt + rnd.int(2, 40) * H,
          })
          .run();
      }
    }
    // ONS4 at the start of social prescribing and eight weeks later.
    for (const p of people.slice(0, 12)) {
      const base = [rnd.int(3, 6), rnd.int(3, 6), rnd.int(3, 6), rnd.int(4, 8)] as const;
      const baselineOn = new Date(now - rnd.int(70, 84) * D).toISOString().slice(0, 10);
      const followOn = new Date(now - rnd.int(3, 20) * D).toISOString().slice(0, 10);
      await tx
        .insert(wellbeingScores)
        .values({
          id: newId(),
          patientId: p.id,
          kind: 'baseline',
          lifeSatisfaction: base[0],
          worthwhile: base[1],
          happiness: base[2],
          anxiety: base[3],
          answeredOn: baselineOn,
          recordedByUserId: navigator.id,
          recordedAt: Date.parse(baselineOn),
        })
        .run();
      await tx
        .insert(wellbeingScores)
        .values({
          id: newId(),
          patientId: p.id,
          kind: 'follow_up',
          lifeSatisfaction: Math.min(10, base[0] + rnd.int(0, 3)),
          worthwhile: Math.min(10, base[1] + rnd.int(0, 2)),
          happiness: Math.min(10, base[2] + rnd.int(-1, 3)),
          anxiety: Math.max(0, base[3] - rnd.int(0, 3)),
          answeredOn: followOn,
          recordedByUserId: navigator.id,
          recordedAt: Date.parse(followOn),
        })
        .run();
    }
  });
}
