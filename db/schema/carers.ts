import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { users } from './users';

/** A family carer linked to a person. It gives access only while the person's consent to share with a carer is in force. */
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
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('carer_links_unique').on(t.carerUserId, t.patientId), index('carer_links_patient_idx').on(t.patientId)],
);
