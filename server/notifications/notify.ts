import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emailOutbox, notifications, organisations, users, type NotificationKind } from '../../db/schema';
import type { Actor } from '../access/actor';
import { loadPatientFacts } from '../access/load-patient-facts';
import type { Permission } from '../access/permissions';
import { decidePatientAccess, type PatientFacts } from '../access/policy';
import { newId } from '../ids';

export type NewNotification = {
  kind: NotificationKind;
  /** Shown in the inbox, where only the signed-in recipient reads it. */
  title: string;
  body?: string;
  /** Path inside carenav, e.g. /discharges/<id>. */
  link: string;
  /**
   * The person the notice is about and what a recipient must be allowed to do on their record to
   * read its title and body; null only for notices that name no person.
   */
  about: {
    patientId: string;
    permission: Permission;
    /** Facts about the object, true for every recipient (e.g. the one recipient flagged this discharge). */
    facts?: Partial<PatientFacts>;
    /** The referral's receiving organisation, so its members are judged on the referral sent to them. */
    referralToOrganisationId?: string;
  } | null;
};

type Tx = Pick<Db, 'insert' | 'select'>;

/**
 * Notifies users in-app and queues the same notice in the email outbox, inside the caller's
 * transaction. The email says only that there is something to see: health details stay behind
 * sign-in, because email is not a secure channel for them.
 */
export async function notify(tx: Tx, userIds: string[], notification: NewNotification, now = Date.now()): Promise<void> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  const people = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      role: users.role,
      organisationId: users.organisationId,
      sector: organisations.sector,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.id, recipients))
    .all();
  for (const person of people) {
    if (!person.active) continue;
    // Personal text goes only to whom the one policy lets read the person (not admins, not other teams).
    const mayRead = await mayReadAbout(tx, person, notification.about);
    const id = newId();
    await tx
      .insert(notifications)
      .values({
        id,
        userId: person.id,
        kind: notification.kind,
        title: mayRead ? notification.title : WITHHELD_TITLES[notification.kind],
        body: mayRead ? (notification.body ?? '') : '',
        link: notification.link,
        createdAt: now,
      })
      .run();
    await tx
      .insert(emailOutbox)
      .values({
        id: newId(),
        notificationId: id,
        toAddress: person.email,
        subject: EMAIL_SUBJECTS[notification.kind],
        body: [
          `Dear ${person.name},`,
          '',
          `${EMAIL_SUBJECTS[notification.kind]}.`,
          'Sign in to carenav to see the details:',
          notification.link,
          '',
          'This message does not include personal details because email is not a secure channel for them.',
        ].join('\n'),
        createdAt: now,
      })
      .run();
  }
}

type Recipient = { id: string; name: string; role: Actor['role']; organisationId: string | null; sector: Actor['sector'] };

/** Whether the policy lets `person` do `about.permission` on the person the notice is about. */
async function mayReadAbout(tx: Pick<Db, 'select'>, person: Recipient, about: NewNotification['about']): Promise<boolean> {
  if (!about) return true;
  const actor: Actor = {
    userId: person.id,
    name: person.name,
    role: person.role,
    organisationId: person.organisationId,
    sector: person.sector,
  };
  const facts = (await loadPatientFacts(tx, actor, [about.patientId])).get(about.patientId);
  if (!facts) return false;
  const referralFacts =
    about.referralToOrganisationId === undefined
      ? {}
      : { referralToActorOrganisation: !!person.organisationId && person.organisationId === about.referralToOrganisationId };
  return decidePatientAccess(actor, { ...facts, ...about.facts, ...referralFacts }, about.permission).allowed;
}

/** What a recipient who may not read the person sees instead: no name, no reason, nothing clinical. */
const WITHHELD_TITLES: Record<NotificationKind, string> = {
  discharge_flagged: 'A risky discharge has been flagged for your team',
  discharge_followed_up: 'A discharge you flagged has been followed up',
  task_escalated: 'A task for your team is overdue',
  task_assigned: 'A task has been assigned to you',
  task_cancelled: 'A task you had has been cancelled',
  referral_received: 'Your team has a new referral',
  referral_updated: 'A referral to or from your team was updated',
  referral_overdue: 'A referral is past its response time',
  handoff: 'A named contact hand-over needs your attention',
  carer_update: 'A family carer has sent an update',
  clinical_account: 'An account has been given a clinical role: please review it',
  break_glass_alert: 'A member of staff has used emergency access on several records: review their access',
};

const EMAIL_SUBJECTS: Record<NotificationKind, string> = {
  discharge_flagged: 'carenav: a risky discharge has been flagged for someone on your caseload',
  discharge_followed_up: 'carenav: a discharge you flagged has been followed up',
  task_escalated: 'carenav: a task for someone you are named contact for is overdue',
  task_assigned: 'carenav: a task has been assigned to you',
  task_cancelled: 'carenav: a task you had has been cancelled',
  referral_received: 'carenav: your team has a new referral',
  referral_updated: 'carenav: a referral has been updated',
  referral_overdue: 'carenav: a referral is past its response time',
  handoff: 'carenav: a person’s named contact is being handed over',
  carer_update: 'carenav: a family carer has sent an update about someone you are named contact for',
  clinical_account: 'carenav: an account has been given a clinical role; please review it',
  break_glass_alert: 'carenav: a member of staff has used emergency access on several records; please review it',
};

/** Active staff of an organisation (optionally one role): a team to notify when nobody in it owns the work yet. */
export async function teamMembers(tx: Pick<Db, 'select'>, organisationId: string, role?: 'navigator'): Promise<string[]> {
  return (
    await tx
      .select({ id: users.id, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.organisationId, organisationId))
      .all()
  )
    .filter((u) => u.active && (!role || u.role === role))
    .map((u) => u.id);
}

/** Active navigators in a team, to notify when a person on its caseload has no named contact. */
export const teamNavigators = async (tx: Pick<Db, 'select'>, organisationId: string) => await teamMembers(tx, organisationId, 'navigator');
