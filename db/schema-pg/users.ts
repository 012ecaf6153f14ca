import { pgTable, text, bigint, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '../schema/users';
import { organisations } from './organisations';

export { ROLES, SYSTEM_USER_ID, type Role } from '../schema/users';

/** PostgreSQL twin of db/schema/users.ts. The system user is inserted by drizzle-pg/0002_seed_rows.sql. */
export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    organisationId: text().references(() => organisations.id),
    jobTitle: text(),
    phone: text(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_organisation_idx').on(t.organisationId),
    index('users_name_idx').on(t.name, t.id),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    createdAt: bigint({ mode: 'number' }).notNull(),
    lastSeenAt: bigint({ mode: 'number' }).notNull(),
    endedAt: bigint({ mode: 'number' }),
    endedReason: text(),
    device: text(),
    ip: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const signInFailures = pgTable('sign_in_failures', {
  email: text().primaryKey(),
  failedCount: integer().notNull(),
  windowStartAt: bigint({ mode: 'number' }).notNull(),
  lockedUntil: bigint({ mode: 'number' }),
});
