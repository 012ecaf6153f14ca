import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';

export const ROLES = [
  'navigator',
  'gp_staff',
  'hospital_staff',
  'social_worker',
  'service_worker',
  'carer',
  'admin',
  // carenav itself, for work it does on a schedule (escalating overdue tasks): one inactive user
  // that can never sign in, so every timeline event and audit row still names who did it.
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** The user that scheduled work is recorded as (created by migration 0002). */
export const SYSTEM_USER_ID = '00000000-0000-4000-8000-000000000001';

export const users = sqliteTable(
  'users',
  {
    id: text().primaryKey(),
    /** Always stored lower-case so look-ups are exact. */
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    /** Null only for carers, who belong to no organisation. */
    organisationId: text().references(() => organisations.id),
    jobTitle: text(),
    phone: text(),
    passwordHash: text().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    /**
     * Set when an administrator chose the password (they know it); until the person picks their own,
     * every page sends them to /account/password and the API refuses everything else.
     */
    mustChangePassword: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: integer().notNull(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_organisation_idx').on(t.organisationId),
    // The administrators' staff list: sorted by name, paged by keyset on (name, id).
    index('users_name_idx').on(t.name, t.id),
  ],
);

/**
 * Server-side record of each sign-in. The JWT only carries this id, so a session can be
 * ended (sign-out, deactivation, idle or absolute timeout) without waiting for the cookie to expire.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    createdAt: integer().notNull(),
    lastSeenAt: integer().notNull(),
    endedAt: integer(),
    endedReason: text(),
    /** A coarse description of the device signed in from, e.g. "Chrome on Windows" (no versions). */
    device: text(),
    /** Where the sign-in came from (see requestIp), shown to the user among their sessions. */
    ip: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per email address, whether or not an account has that address, so that the
 * lock-out itself never reveals which addresses exist.
 */
export const signInFailures = sqliteTable('sign_in_failures', {
  /** What is counted: a keyed hash (HMAC) of `account <email>` (from anywhere) or `pair <ip> <email>` (from one address), never the email itself. */
  email: text().primaryKey(),
  failedCount: integer().notNull(),
  windowStartAt: integer().notNull(),
  lockedUntil: integer(),
});
