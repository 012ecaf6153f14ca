import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { users } from './users';

/**
 * A family carer linked to a person. It gives access only while the person's consent to share
 * with this carer (`carerKey`, the carer named in the consent) is in force. Kept after consent is
 * withdrawn, for history.
 */
export const carerLinks = sqliteTable(
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
    /** The carer as named in the person's consent decisions (normalised): the latest decision for this key decides access. */
    carerKey: text().notNull().default(''),
    invitationId: text(),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('carer_links_unique').on(t.carerUserId, t.patientId), index('carer_links_patient_idx').on(t.patientId)],
);

/**
 * An invitation for a carer to see a person's carer summary: a single-use link that expires. Only
 * a hash of the link's secret is kept, so the table cannot be used to accept an invitation.
 */
export const carerInvitations = sqliteTable(
  'carer_invitations',
  {
    id: text().primaryKey(),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    /** The carer as named in the consent decision the invitation was made under. */
    carerName: text().notNull(),
    carerKey: text().notNull(),
    email: text().notNull(),
    relationship: text().notNull(),
    tokenHash: text().notNull(),
    invitedByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
    usedAt: integer(),
    /** Set when a newer invitation replaced it, or staff cancelled it. */
    revokedAt: integer(),
    carerUserId: text().references(() => users.id),
  },
  (t) => [uniqueIndex('carer_invitations_token_idx').on(t.tokenHash), index('carer_invitations_patient_idx').on(t.patientId, t.createdAt)],
);
