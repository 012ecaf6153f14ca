import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, patients } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Conflict } from '../errors';
import { notify } from '../notifications/notify';
import { appendEvent } from '../timeline/append-event';
import { formatDate } from '../calendar/england-time';
import { STATUS_CHANGE_WORDS } from './discharge-fields';

type Tx = Pick<Db, 'insert' | 'update' | 'select'>;

/**
 * Closes the loop when the follow-up contact is recorded: the discharge becomes "followed up" with
 * the outcome, and whoever flagged it is told, in the same transaction as the task being done.
 */
export async function recordFollowUp(tx: Tx, actor: Actor, dischargeId: string, outcome: string, now: number): Promise<void> {
  const discharge = await tx.select().from(discharges).where(eq(discharges.id, dischargeId)).get();
  if (discharge?.status !== 'home') {
    throw new Conflict('The follow-up contact can be recorded once the person has been marked home.');
  }
  const changed = await tx
    .update(discharges)
    .set({ status: 'followed_up', followedUpAt: now, followedUpByUserId: actor.userId, followUpOutcome: outcome, updatedAt: now })
    .where(and(eq(discharges.id, dischargeId), eq(discharges.status, 'home')))
    .run();
  if (changed.changes !== 1) throw new Conflict('Someone else changed this discharge just now.');
  await appendEvent(
    tx,
    actor,
    {
      patientId: discharge.patientId,
      kind: 'discharge_status_changed',
      summary: STATUS_CHANGE_WORDS.followed_up,
      body: outcome,
      subjectType: 'discharge',
      subjectId: dischargeId,
      // The follow-up is a call or visit to the person: their last contact, on the caseload and the MDT worklist.
      countsAsContact: true,
    },
    now,
  );
  if (discharge.flaggedByUserId !== actor.userId) {
    const person = await tx
      .select({ givenName: patients.givenName, familyName: patients.familyName })
      .from(patients)
      .where(eq(patients.id, discharge.patientId))
      .get();
    await notify(
      tx,
      [discharge.flaggedByUserId],
      {
        kind: 'discharge_followed_up',
        title: `${person?.givenName ?? ''} ${person?.familyName ?? ''} was followed up on ${formatDate(now)} by ${actor.name}`,
        body: outcome,
        link: `/discharges/${dischargeId}`,
        // The only recipient is the one who flagged this discharge.
        about: { patientId: discharge.patientId, permission: 'discharge.read', facts: { actorFlaggedThisDischarge: true } },
      },
      now,
    );
  }
}
