import { pgTable, text, bigint, index } from 'drizzle-orm/pg-core';
import { AUDIT_OUTCOMES } from '../schema/audit';

export { AUDIT_OUTCOMES, type AuditOutcome } from '../schema/audit';

/**
 * Append-only record of every read and write of patient data, and every denied attempt.
 * Deliberately no foreign keys: the log must outlive anything it mentions.
 * PostgreSQL twin of db/schema/audit.ts (db/schema-agreement.test.ts holds them together).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text().primaryKey(),
    at: bigint({ mode: 'number' }).notNull(),
    userId: text(),
    role: text(),
    organisationId: text(),
    action: text().notNull(),
    patientId: text(),
    outcome: text({ enum: AUDIT_OUTCOMES }).notNull(),
    /** The access rule that allowed (or the reason that refused) the action. */
    rule: text().notNull().default(''),
    /** Reason given when access was by break-glass. */
    reason: text(),
    ip: text(),
  },
  (t) => [
    index('audit_patient_at_idx').on(t.patientId, t.at, t.id),
    index('audit_patient_org_at_idx').on(t.patientId, t.organisationId, t.at, t.id),
    index('audit_user_at_idx').on(t.userId, t.at),
  ],
);
