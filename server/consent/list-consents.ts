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
  carerKey: string;
  notes: string;
  decidedAt: number;
  recordedAt: number;
  recordedByName: string;
};

/**
 * Every decision for a person, newest first, and the one in force for each purpose; for named
 * carers, the one in force for each carer (each carer has their own decision).
 */
export async function listConsents(
  db: Db,
  patientId: string,
): Promise<{ history: ConsentRow[]; inForce: Record<ConsentPurpose, ConsentRow | null>; carersInForce: ConsentRow[] }> {
  const history = await db
    .select({
      id: consents.id,
      purpose: consents.purpose,
      decision: consents.decision,
      method: consents.method,
      carerName: consents.carerName,
      carerKey: consents.carerKey,
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
  const carersInForce = [
    ...new Map(
      history
        .filter((h) => h.purpose === 'named_carer')
        .reverse()
        .map((h) => [h.carerKey, h]),
    ).values(),
  ].sort((a, b) => a.carerName.localeCompare(b.carerName));
  return { history, inForce, carersInForce };
}
