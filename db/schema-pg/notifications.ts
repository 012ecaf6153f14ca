import { pgTable, text, bigint, index } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS } from '../schema/notifications';
import { users } from './users';

export { NOTIFICATION_KINDS, type NotificationKind } from '../schema/notifications';

/** PostgreSQL twin of db/schema/notifications.ts. */
export const notifications = pgTable(
  'notifications',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    link: text().notNull().default(''),
    createdAt: bigint({ mode: 'number' }).notNull(),
    readAt: bigint({ mode: 'number' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId, t.readAt, t.createdAt, t.id),
  ],
);

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text().primaryKey(),
    notificationId: text().references(() => notifications.id),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    sentAt: bigint({ mode: 'number' }),
  },
  (t) => [index('email_outbox_unsent_idx').on(t.sentAt, t.createdAt)],
);
