import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { carerInvitations, carerLinks, consents, users, NEWEST_DECISION_FIRST, type ConsentDecision } from '../../db/schema';
import { invitationStatusOf } from './invitation-status';

/**
 * For staff: the carers around a person. Each carer the person has made a sharing decision about
 * (with the decision in force), the carers linked to the record and whether they can see it now,
 * and the invitations sent.
 */
export async function listCarers(db: Pick<Db, 'select'>, patientId: string, now = Date.now()) {
  const decisions = await db
    .select({
      carerKey: consents.carerKey,
      carerName: consents.carerName,
      decision: consents.decision,
      decidedAt: consents.decidedAt,
      method: consents.method,
    })
    .from(consents)
    .where(and(eq(consents.patientId, patientId), eq(consents.purpose, 'named_carer')))
    .orderBy(...NEWEST_DECISION_FIRST)
    .all();
  const inForce = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) if (!inForce.has(d.carerKey)) inForce.set(d.carerKey, d);
  const consentFor = (key: string): { decision: ConsentDecision; decidedAt: number } | null => inForce.get(key) ?? null;

  const links = (
    await db
      .select({
        id: carerLinks.id,
        name: users.name,
        email: users.email,
        active: users.active,
        relationship: carerLinks.relationship,
        carerKey: carerLinks.carerKey,
        createdAt: carerLinks.createdAt,
      })
      .from(carerLinks)
      .innerJoin(users, eq(carerLinks.carerUserId, users.id))
      .where(eq(carerLinks.patientId, patientId))
      .orderBy(asc(carerLinks.createdAt))
      .all()
  ).map((l) => ({ ...l, consent: consentFor(l.carerKey), canSee: l.active && consentFor(l.carerKey)?.decision === 'granted' }));

  const invitations = (
    await db
      .select({
        id: carerInvitations.id,
        carerName: carerInvitations.carerName,
        email: carerInvitations.email,
        relationship: carerInvitations.relationship,
        createdAt: carerInvitations.createdAt,
        expiresAt: carerInvitations.expiresAt,
        usedAt: carerInvitations.usedAt,
        revokedAt: carerInvitations.revokedAt,
        invitedByName: users.name,
      })
      .from(carerInvitations)
      .innerJoin(users, eq(carerInvitations.invitedByUserId, users.id))
      .where(eq(carerInvitations.patientId, patientId))
      .orderBy(desc(carerInvitations.createdAt))
      .limit(20)
      .all()
  ).map((i) => ({
    ...i,
    status: invitationStatusOf(i, now),
  }));

  return {
    /** Carers the person has agreed to share with now: the ones a navigator may invite. */
    consented: [...inForce.values()]
      .filter((d) => d.decision === 'granted')
      .map((d) => ({ carerKey: d.carerKey, carerName: d.carerName, decidedAt: d.decidedAt, method: d.method })),
    links,
    invitations,
  };
}
