import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { CONSENT_PURPOSES, consents, users, type ConsentPurpose, NEWEST_DECISION_FIRST } from '../../db/schema';

export { CONSENT_PURPOSES };

export type ConsentRow = {
  id: string;
  purpose: ConsentPurpose;
  decision: (typeof consents.$inferSelect)['decision'];
  method: (typeof consents.$inferSelect)['method'];
  carerName: string;
  notes: string;
  decidedAt: number;
  recordedAt: number;
  recordedByName: string;
};

/** Every decision for a person, newest first, and the one in force for each purpose. */
export function listConsents(db: Db, patientId: string): { history: ConsentRow[]; inForce: Record<ConsentPurpose, ConsentRow | null> } {
  const history = db
    .select({
      id: consents.id,
      purpose: consents.purpose,
      decision: consents.decision,
      method: consents.method,
      carerName: consents.carerName,
      notes: consents.notes,
      decidedAt: consents.decidedAt,
      recordedAt: consents.recordedAt,
      recordedByName: users.name,
    })
    .from(consents)
    .innerJoin(users, eq(consents.recordedByUserId, users.id))
    .where(eq(consents.patientId, patientId))
    .orderBy(...NEWEST_DECISION_FIRST)
    .all();
  const inForce = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, history.find((h) => h.purpose === p) ?? null])) as Record<
    ConsentPurpose,
    ConsentRow | null
  >;
  return { history, inForce };
}
