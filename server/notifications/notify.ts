import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emailOutbox, notifications, users, type NotificationKind } from '../../db/schema';
import { newId } from '../ids';

export type NewNotification = {
  kind: NotificationKind;
  /** Shown in the inbox, where only the signed-in recipient reads it. */
  title: string;
  body?: string;
  /** Path inside carenav, e.g. /discharges/<id>. */
  link: string;
};

type Tx = Pick<Db, 'insert' | 'select'>;

/**
 * Notifies users in-app and queues the same notice in the email outbox, inside the caller's
 * transaction. The email says only that there is something to see: health details stay behind
 * sign-in, because email is not a secure channel for them.
 */
export function notify(tx: Tx, userIds: string[], notification: NewNotification, now = Date.now()): void {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  const people = tx
    .select({ id: users.id, email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(inArray(users.id, recipients))
    .all();
  for (const person of people) {
    if (!person.active) continue;
    const id = newId();
    tx.insert(notifications)
      .values({
        id,
        userId: person.id,
        kind: notification.kind,
        title: notification.title,
        body: notification.body ?? '',
        link: notification.link,
        createdAt: now,
      })
      .run();
    tx.insert(emailOutbox)
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
};

/** Active staff of an organisation (optionally one role): a team to notify when nobody in it owns the work yet. */
export function teamMembers(tx: Pick<Db, 'select'>, organisationId: string, role?: 'navigator'): string[] {
  return tx
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .all()
    .filter((u) => u.active && (!role || u.role === role))
    .map((u) => u.id);
}

/** Active navigators in a team, to notify when a person on its caseload has no named contact. */
export const teamNavigators = (tx: Pick<Db, 'select'>, organisationId: string) => teamMembers(tx, organisationId, 'navigator');
