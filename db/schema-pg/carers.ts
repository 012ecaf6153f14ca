import { pgTable, text, bigint, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { patients } from './patients';
import { users } from './users';

/** PostgreSQL twin of db/schema/carers.ts. */
export const carerLinks = pgTable(
  'carer_links',
  {
    id: text().primaryKey(),
    carerUserId: text()
      .notNull()
      .references(() => users.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    relationship: text().notNull(),
    carerKey: text().notNull().default(''),
    invitationId: text(),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('carer_links_unique').on(t.carerUserId, t.patientId), index('carer_links_patient_idx').on(t.patientId)],
);

export const carerInvitations = pgTable(
  'carer_invitations',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    carerName: text().notNull(),
    carerKey: text().notNull(),
    email: text().notNull(),
    relationship: text().notNull(),
    tokenHash: text().notNull(),
    invitedByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: bigint({ mode: 'number' }).notNull(),
    expiresAt: bigint({ mode: 'number' }).notNull(),
    usedAt: bigint({ mode: 'number' }),
    revokedAt: bigint({ mode: 'number' }),
    carerUserId: text().references(() => users.id),
  },
  (t) => [uniqueIndex('carer_invitations_token_idx').on(t.tokenHash), index('carer_invitations_patient_idx').on(t.patientId, t.createdAt)],
);
