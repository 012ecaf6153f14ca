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
export function seedDemoWork(db: Db, now = Date.now()): void {
  const actorFor = (local: string): Actor => {
    const u = db
      .select()
      .from(users)
      .where(eq(users.email, `${local}@${DEMO_EMAIL_DOMAIN}`))
      .get()!;
    const org = db.select().from(organisations).where(eq(organisations.id, u.organisationId!)).get()!;
    return { userId: u.id, name: u.name, role: u.role, organisationId: org.id, sector: KIND_SECTOR[org.kind] };
  };
  const hospital = actorFor('hospital');
  const gp = actorFor('gp');
  const navigator = actorFor('navigator');
  const socialWorkerId = actorFor('socialworker').userId;
  // The demo people are numbered as in seedDemo; their NHS numbers follow from that.
  const person = (i: number) =>
    db
      .select()
      .from(patients)
      .where(eq(patients.nhsNumber, testNhsNumber(100000 + i * 37)))
      .get()!;
  const day = (offset: number) => addDaysIso(isoDayInEngland(now), offset);
  const flag = (who: Actor, i: number, details: Partial<FlagDischargeInput>) => {
    const p = person(i);
    return flagDischarge(db, who, {
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
  const workChecklist = (dischargeId: string) => {
    for (const t of db.select().from(tasks).where(eq(tasks.dischargeId, dischargeId)).all()) {
      if (t.isFollowUp) continue;
      pickUpTask(db, navigator, { taskId: t.id });
      completeTask(db, navigator, { taskId: t.id, outcome: '' });
    }
  };

  // Flagged by the ward for tomorrow: the checklist waits in the team queue.
  flag(hospital, 2, {});
  // Flagged by the GP, being planned.
  const planned = flag(gp, 6, {
    expectedDate: day(3),
    pathway: 2,
    careVisitsPerDay: 0,
    careProvider: '',
    riskLevel: 'medium',
    concern: 'Going to a rehabilitation bed first; family worried about the stairs at home.',
    ask: 'Check the stair rail is fitted before she comes home.',
    carerConsulted: false,
  });
  changeDischargeStatus(db, navigator, {
    dischargeId: planned.id,
    to: 'planned',
    closedReason: '',
    note: 'Rehab bed at Beechwood confirmed.',
  });
  // Home 30 hours ago and not followed up: the follow-up is overdue and escalates to the named contact.
  const overdue = flag(hospital, 10, { expectedDate: day(-2) });
  workChecklist(overdue.id);
  changeDischargeStatus(db, navigator, { dischargeId: overdue.id, to: 'home', homeAt: now - 30 * HOUR, closedReason: '', note: '' });
  // Home two days ago and followed up: the loop is closed for the ward.
  const followedUp = flag(hospital, 14, { expectedDate: day(-3), riskLevel: 'medium' });
  workChecklist(followedUp.id);
  changeDischargeStatus(db, navigator, { dischargeId: followedUp.id, to: 'home', homeAt: now - 50 * HOUR, closedReason: '', note: '' });
  const followUpTask = db
    .select()
    .from(tasks)
    .where(eq(tasks.dischargeId, followedUp.id))
    .all()
    .find((t) => t.isFollowUp)!;
  pickUpTask(db, navigator, { taskId: followUpTask.id });
  completeTask(db, navigator, {
    taskId: followUpTask.id,
    outcome: 'Phoned the next morning: carers came twice, eating well, keys in the key safe. No concerns.',
  });

  // Tasks added by hand.
  createTask(db, navigator, {
    patientId: person(0).id,
    title: 'Book a benefits check (attendance allowance)',
    details: 'Daughter asked about help with costs.',
    assignee: `user:${socialWorkerId}`,
    dueDate: day(5),
    priority: 'normal',
  });
  createTask(db, navigator, {
    patientId: person(3).id,
    title: 'Chase the stair rail quote',
    details: '',
    assignee: `user:${navigator.userId}`,
    dueDate: day(2),
    priority: 'high',
  });
  escalateOverdueTasks(db);

  // The directory, from our sample Open Referral UK feed (services link to the demo organisations by name).
  importOrukFeed(db, null, JSON.parse(readFileSync(join(process.cwd(), 'db/seed/directory-sample.json'), 'utf8')));
  const service = (externalId: string) => db.select().from(services).where(eq(services.externalId, externalId)).get()!.id;
  const housingActor = actorFor('housing');
  const voluntaryActor = actorFor('voluntary');
  // Waiting in the housing team's inbox.
  sendReferral(db, navigator, {
    patientId: person(0).id,
    serviceId: service('nsh-002'),
    reason: 'Stair rail needed; struggling with the stairs since the fall.',
    urgency: 'soon',
    personWants: person(0).aboutWhatMatters,
    attachments: '',
  });
  // Picked up and completed by the befriending service: the loop closed for the referrer.
  const befriending = sendReferral(db, navigator, {
    patientId: person(1).id,
    serviceId: service('nsh-003'),
    reason: 'Lonely since his wife died; would like company.',
    urgency: 'routine',
    personWants: person(1).aboutWhatMatters,
    attachments: '',
  });
  updateReferral(db, voluntaryActor, { referralId: befriending.id, action: 'accept' });
  updateReferral(db, voluntaryActor, {
    referralId: befriending.id,
    action: 'complete',
    outcome: 'successful',
    outcomeReason: '',
    note: 'Matched with a volunteer; first visit Thursday.',
  });
  // Accepted and being worked by housing.
  const adaptation = sendReferral(db, navigator, {
    patientId: person(3).id,
    serviceId: service('nsh-002'),
    reason: 'Level-access shower: occupational therapy assessment done.',
    urgency: 'routine',
    personWants: 'To keep washing myself.',
    attachments: 'OT assessment summary: needs level-access shower and grab rails.',
  });
  updateReferral(db, housingActor, { referralId: adaptation.id, action: 'accept' });
  updateReferral(db, housingActor, { referralId: adaptation.id, action: 'start' });
}
