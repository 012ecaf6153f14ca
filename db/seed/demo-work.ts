import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { addDaysIso, isoDayInEngland } from '../../server/calendar/england-time';
import { KIND_SECTOR, organisations, patients, tasks, users } from '../schema';
import { testNhsNumber } from '../factories';
import type { Actor } from '../../server/access/actor';
import { flagDischarge, type FlagDischargeInput } from '../../server/discharges/flag-discharge';
import { changeDischargeStatus } from '../../server/discharges/change-discharge-status';
import { pickUpTask } from '../../server/tasks/pick-up-task';
import { completeTask } from '../../server/tasks/complete-task';
import { createTask } from '../../server/tasks/create-task';
import { escalateOverdueTasks } from '../../server/tasks/escalate-overdue-tasks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { services } from '../schema';
import { importOrukFeed } from '../../server/directory/import-oruk';
import { sendReferral } from '../../server/referrals/send-referral';
import { updateReferral } from '../../server/referrals/update-referral';
import { DEMO_EMAIL_DOMAIN } from './demo-accounts';

const HOUR = 3_600_000;

/**
 * Discharges and tasks for the demo, made through the same use cases the app runs, so the demo
 * holds exactly what carenav itself would have written (events, audit rows, notifications).
 */
export async function seedDemoWork(db: Db, now = Date.now()): Promise<void> {
  const actorFor = async (local: string): Promise<Actor> => {
    const u = (await db
      .select()
      .from(users)
      .where(eq(users.email, `${local}@${DEMO_EMAIL_DOMAIN}`))
      .get())!;
    const org = (await db.select().from(organisations).where(eq(organisations.id, u.organisationId!)).get())!;
    return { userId: u.id, name: u.name, role: u.role, organisationId: org.id, sector: KIND_SECTOR[org.kind] };
  };
  const hospital = await actorFor('hospital');
  const gp = await actorFor('gp');
  const navigator = await actorFor('navigator');
  const socialWorkerId = (await actorFor('socialworker')).userId;
  // The demo people are numbered as in seedDemo; their NHS numbers follow from that.
  const person = async (i: number) =>
    (await db
      .select()
      .from(patients)
      .where(eq(patients.nhsNumber, testNhsNumber(100000 + i * 37)))
      .get())!;
  const day = (offset: number) => addDaysIso(isoDayInEngland(now), offset);
  const flag = async (who: Actor, i: number, details: Partial<FlagDischargeInput>) => {
    const p = await person(i);
    return await flagDischarge(db, who, {
      nhsNumber: p.nhsNumber,
      dateOfBirth: p.dateOfBirth,
      flaggerContact: who === hospital ? 'Ward 12 discharge desk, 0113 496 0412' : 'Practice duty line, 0113 496 0200',
      hospital: 'Northgate General Hospital',
      ward: 'Ward 12 (care of older people)',
      expectedDate: day(1),
      pathway: 1,
      riskLevel: 'high',
      concern: 'Lives alone; new care package not confirmed yet.',
      ask: 'Visit within a day of getting home.',
      careVisitsPerDay: 2,
      careProvider: 'Northshire Homecare',
      carerConsulted: true,
      ...details,
    });
  };
  const workChecklist = async (dischargeId: string) => {
    for (const t of await db.select().from(tasks).where(eq(tasks.dischargeId, dischargeId)).all()) {
      if (t.isFollowUp) continue;
      await pickUpTask(db, navigator, { taskId: t.id });
      await completeTask(db, navigator, { taskId: t.id, outcome: '' });
    }
  };

  // Flagged by the ward for tomorrow: the checklist waits in the team queue.
  await flag(hospital, 2, {});
  // Flagged by the GP, being planned.
  const planned = await flag(gp, 6, {
    expectedDate: day(3),
    pathway: 2,
    careVisitsPerDay: 0,
    careProvider: '',
    riskLevel: 'medium',
    concern: 'Going to a rehabilitation bed first; family worried about the stairs at home.',
    ask: 'Check the stair rail is fitted before she comes home.',
    carerConsulted: false,
  });
  await changeDischargeStatus(db, navigator, {
    dischargeId: planned.id,
    to: 'planned',
    closedReason: '',
    note: 'Rehab bed at Beechwood confirmed.',
  });
  // Home 30 hours ago and not followed up: the follow-up is overdue and escalates to the named contact.
  const overdue = await flag(hospital, 10, { expectedDate: day(-2) });
  await workChecklist(overdue.id);
  await changeDischargeStatus(db, navigator, { dischargeId: overdue.id, to: 'home', homeAt: now - 30 * HOUR, closedReason: '', note: '' });
  // Home two days ago and followed up: the loop is closed for the ward.
  const followedUp = await flag(hospital, 14, { expectedDate: day(-3), riskLevel: 'medium' });
  await workChecklist(followedUp.id);
  await changeDischargeStatus(db, navigator, {
    dischargeId: followedUp.id,
    to: 'home',
    homeAt: now - 50 * HOUR,
    closedReason: '',
    note: '',
  });
  const followUpTask = (await db.select().from(tasks).where(eq(tasks.dischargeId, followedUp.id)).all()).find((t) => t.isFollowUp)!;
  await pickUpTask(db, navigator, { taskId: followUpTask.id });
  await completeTask(db, navigator, {
    taskId: followUpTask.id,
    outcome: 'Phoned the next morning: carers came twice, eating well, keys in the key safe. No concerns.',
  });

  // Tasks added by hand.
  await createTask(db, navigator, {
    patientId: (await person(0)).id,
    title: 'Book a benefits check (attendance allowance)',
    details: 'Daughter asked about help with costs.',
    assignee: `user:${socialWorkerId}`,
    dueDate: day(5),
    priority: 'normal',
  });
  await createTask(db, navigator, {
    patientId: (await person(3)).id,
    title: 'Chase the stair rail quote',
    details: '',
    assignee: `user:${navigator.userId}`,
    dueDate: day(2),
    priority: 'high',
  });
  await escalateOverdueTasks(db);

  // The directory, from our sample Open Referral UK feed (services link to the demo organisations by name).
  await importOrukFeed(db, null, JSON.parse(readFileSync(join(process.cwd(), 'db/seed/directory-sample.json'), 'utf8')));
  const service = async (externalId: string) => (await db.select().from(services).where(eq(services.externalId, externalId)).get())!.id;
  const housingActor = await actorFor('housing');
  const voluntaryActor = await actorFor('voluntary');
  // Waiting in the housing team's inbox.
  await sendReferral(db, navigator, {
    patientId: (await person(0)).id,
    serviceId: await service('nsh-002'),
    reason: 'Stair rail needed; struggling with the stairs since the fall.',
    urgency: 'soon',
    personWants: (await person(0)).aboutWhatMatters,
    attachments: '',
  });
  // Picked up and completed by the befriending service: the loop closed for the referrer.
  const befriending = await sendReferral(db, navigator, {
    patientId: (await person(1)).id,
    serviceId: await service('nsh-003'),
    reason: 'Lonely since his wife died; would like company.',
    urgency: 'routine',
    personWants: (await person(1)).aboutWhatMatters,
    attachments: '',
  });
  await updateReferral(db, voluntaryActor, { referralId: befriending.id, action: 'accept' });
  await updateReferral(db, voluntaryActor, {
    referralId: befriending.id,
    action: 'complete',
    outcome: 'successful',
    outcomeReason: '',
    note: 'Matched with a volunteer; first visit Thursday.',
  });
  // Accepted and being worked by housing.
  const adaptation = await sendReferral(db, navigator, {
    patientId: (await person(3)).id,
    serviceId: await service('nsh-002'),
    reason: 'Level-access shower: occupational therapy assessment done.',
    urgency: 'routine',
    personWants: 'To keep washing myself.',
    attachments: 'OT assessment summary: needs level-access shower and grab rails.',
  });
  await updateReferral(db, housingActor, { referralId: adaptation.id, action: 'accept' });
  await updateReferral(db, housingActor, { referralId: adaptation.id, action: 'start' });
}
