import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { carerInvitations, organisations, users } from '../../db/schema';
import { hashInvitationToken } from './invitation-token';

export type InvitationStatus = 'open' | 'expired' | 'used' | 'revoked' | 'unknown';

/** Whether an invitation's link still works, and if not, why. */
export function invitationStatusOf(
  i: { usedAt: number | null; revokedAt: number | null; expiresAt: number },
  now: number,
): Exclude<InvitationStatus, 'unknown'> {
  return i.usedAt ? 'used' : i.revokedAt ? 'revoked' : i.expiresAt <= now ? 'expired' : 'open';
}

/** What someone opening an invitation link may learn: whether it works, who sent it and to whom. Nothing about the person cared for. */
export async function getInvitation(db: Pick<Db, 'select'>, token: string, now = Date.now()) {
  const row = await db
    .select({
      id: carerInvitations.id,
      carerName: carerInvitations.carerName,
      email: carerInvitations.email,
      expiresAt: carerInvitations.expiresAt,
      usedAt: carerInvitations.usedAt,
      revokedAt: carerInvitations.revokedAt,
      patientId: carerInvitations.patientId,
      carerKey: carerInvitations.carerKey,
      relationship: carerInvitations.relationship,
      invitedByName: users.name,
      invitedByOrganisation: organisations.name,
    })
    .from(carerInvitations)
    .innerJoin(users, eq(carerInvitations.invitedByUserId, users.id))
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .where(eq(carerInvitations.tokenHash, hashInvitationToken(token)))
    .get();
  if (!row) return { status: 'unknown' as const };
  const status = invitationStatusOf(row, now);
  const account = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, row.email)).get();
  return { status, invitation: row, hasAccount: account?.role === 'carer' };
}

/** Why a link no longer works, in plain words. */
export const INVITATION_STATUS_WORDS: Record<Exclude<InvitationStatus, 'open'>, string> = {
  expired: 'This invitation link has expired. Links work for 7 days: ask the care navigator who invited you to send a new one.',
  used: 'This invitation link has already been used. Sign in with the email address and password you set up.',
  revoked: 'This invitation link has been replaced or cancelled. Use the newest link you were sent, or ask the care navigator.',
  unknown: 'This invitation link is not valid. Check you copied all of it, or ask the care navigator to send a new one.',
};
