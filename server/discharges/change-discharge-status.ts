import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { discharges, organisations, tasks } from '../../db/schema';
import type { Actor } from '../access/actor';
import { mayChangeTask } from '../access/policy';
import { Conflict, Forbidden, Invalid } from '../errors';
import { cancelTasks } from '../tasks/cancel-task';
import { UNFINISHED } from '../tasks/task-fields';
import { appendEvent } from '../timeline/append-event';
import { formatDateTime } from '../calendar/england-time';
import { freeText, moment } from '../validation';
import { CLOSE_REASONS, DISCHARGE_STATUS_LABELS, NEXT_STATUSES, STATUS_CHANGE_WORDS } from './discharge-fields';

const DAY = 86_400_000;

export const ChangeDischargeStatusSchema = z.object({
  dischargeId: z.uuid(),
  to: z.enum(['planned', 'home', 'followed_up', 'closed'], { error: 'Choose the new status' }),
  /** For "home": when the person got home. */
  homeAt: moment('When they got home').optional(),
  /** For closing before the follow-up. */
  closedReason: z.union([z.literal(''), z.enum(CLOSE_REASONS)], { error: 'Choose a reason from the list' }).default(''),
  note: freeText('Note', 1000).default(''),
});
export type ChangeDischargeStatusInput = z.infer<typeof ChangeDischargeStatusSchema>;

/**
 * Moves a discharge along flagged → planned → home → followed up → closed. "Home" needs when the
 * person got home, and starts the clock on the follow-up contact; "followed up" needs that contact
 * done with an outcome; closing before the follow-up needs a reason and cancels the open tasks.
 */
export async function changeDischargeStatus(db: Db, actor: Actor, input: ChangeDischargeStatusInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const discharge = await tx.select().from(discharges).where(eq(discharges.id, input.dischargeId)).get();
    if (!discharge) throw new Conflict('This discharge does not exist.');
    const from = discharge.status;
    if (!NEXT_STATUSES[from].includes(input.to)) {
      throw new Conflict(
        from === 'closed'
          ? 'This discharge is closed: its status cannot change.'
          : `A discharge that is ${DISCHARGE_STATUS_LABELS[from].toLowerCase()} cannot be marked ${DISCHARGE_STATUS_LABELS[input.to].toLowerCase()}. Next it can be: ${NEXT_STATUSES[from].map((s) => DISCHARGE_STATUS_LABELS[s].toLowerCase()).join(' or ')}.`,
      );
    }
    const now = Date.now();
    const changes: Partial<typeof discharges.$inferInsert> = { status: input.to, updatedAt: now };
    let summary: string = STATUS_CHANGE_WORDS[input.to];
    let body = input.note;
    const open = await tx
      .select({
        id: tasks.id,
        patientId: tasks.patientId,
        title: tasks.title,
        assigneeUserId: tasks.assigneeUserId,
        assigneeOrganisationId: tasks.assigneeOrganisationId,
        isFollowUp: tasks.isFollowUp,
        status: tasks.status,
        outcome: tasks.outcome,
        completedAt: tasks.completedAt,
        completedByUserId: tasks.completedByUserId,
      })
      .from(tasks)
      .where(eq(tasks.dischargeId, discharge.id))
      .all();
    const followUp = open.find((t) => t.isFollowUp);

    if (input.to === 'home') {
      if (input.homeAt === undefined) throw new Invalid('homeAt', 'Enter when the person got home');
      if (input.homeAt > now + 5 * 60_000) throw new Invalid('homeAt', 'When they got home cannot be in the future');
      if (input.homeAt < now - 30 * DAY) throw new Invalid('homeAt', 'When they got home must be within the last 30 days');
      changes.homeAt = input.homeAt;
      summary = `${STATUS_CHANGE_WORDS.home} on ${formatDateTime(input.homeAt)}`;
      // The follow-up contact is due a fixed window after getting home, not after the flag.
      const dueAt = input.homeAt + discharge.followUpHours * 3_600_000;
      if (followUp && UNFINISHED.includes(followUp.status)) {
        await tx.update(tasks).set({ dueAt, updatedAt: now }).where(eq(tasks.id, followUp.id)).run();
        body = [body, `Follow-up contact due by ${formatDateTime(dueAt)}.`].filter(Boolean).join('\n');
      }
    }
    if (input.to === 'followed_up') {
      // Normally reached by recording the follow-up task's outcome (recordFollowUp); by hand only once that is done.
      if (followUp?.status !== 'done' || !followUp.outcome) {
        throw new Conflict('Record the follow-up contact first: mark the follow-up task done with its outcome.');
      }
      changes.followedUpAt = followUp.completedAt;
      changes.followedUpByUserId = followUp.completedByUserId;
      changes.followUpOutcome = followUp.outcome;
      body = [followUp.outcome, body].filter(Boolean).join('\n');
    }
    if (input.to === 'closed') {
      const early = from !== 'followed_up';
      if (early && !input.closedReason) throw new Invalid('closedReason', 'Choose why the discharge is being closed before the follow-up');
      changes.closedAt = now;
      changes.closedReason = input.closedReason || null;
      if (input.closedReason) summary = `${STATUS_CHANGE_WORDS.closed}: ${input.closedReason}`;
      const unfinished = open.filter((t) => UNFINISHED.includes(t.status));
      // Closing cancels the checklist, so it follows the task rule: only the team that has the
      // unfinished tasks closes it (a GP or ward that flagged it asks them; they see the outcome).
      const notMine = unfinished.find((t) => !mayChangeTask(actor, t));
      if (notMine) {
        const team = notMine.assigneeOrganisationId
          ? await tx
              .select({ name: organisations.name })
              .from(organisations)
              .where(eq(organisations.id, notMine.assigneeOrganisationId))
              .get()
          : undefined;
        throw new Forbidden(
          `Closing this discharge would cancel tasks another team has: ask ${team?.name ?? 'the team that has them'} to close it.`,
        );
      }
      await cancelTasks(tx, actor, unfinished, `Discharge closed${input.closedReason ? `: ${input.closedReason}` : ''}`, now);
    }
    const changed = await tx
      .update(discharges)
      .set(changes)
      .where(and(eq(discharges.id, discharge.id), inArray(discharges.status, [from])))
      .run();
    if (changed.changes !== 1) throw new Conflict('Someone else changed this discharge just now: reload the page.');
    await appendEvent(
      tx,
      actor,
      {
        patientId: discharge.patientId,
        kind: 'discharge_status_changed',
        summary,
        body,
        subjectType: 'discharge',
        subjectId: discharge.id,
      },
      now,
    );
    return { id: discharge.id };
  });
}
