import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';

export const NOTIFICATION_KINDS = [
  'discharge_flagged',
  'discharge_followed_up',
  'task_escalated',
  'task_assigned',
  'task_cancelled',
  'referral_received',
  'referral_updated',
  'referral_overdue',
  'handoff',
  'carer_update',
  'clinical_account',
  'break_glass_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The in-app inbox. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** Where in carenav to go to act on it. */
    link: text().notNull().default(''),
    createdAt: integer().notNull(),
    readAt: integer(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId, t.readAt, t.createdAt, t.id),
  ],
);

/**
 * Every notification also written as an email, for a mail sender to be attached later: nothing
 * here leaves the machine. Bodies carry no health details, only a link to sign in.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text().primaryKey(),
    notificationId: text().references(() => notifications.id),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: integer().notNull(),
    sentAt: integer(),
  },
  (t) => [index('email_outbox_unsent_idx').on(t.sentAt, t.createdAt)],
);
