import { z } from 'zod';
import type { Db } from '../../db/client';
import { mdtDiscussions } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid } from '../errors';
import { teamMeeting } from './team-meeting';
import { newId } from '../ids';
import { insertTask } from '../tasks/insert-task';
import { appendEvent } from '../timeline/append-event';
import { listAssignees } from '../tasks/list-assignees';
import { notifyAssignee } from '../tasks/notify-assignee';
import { endOfWorkingDay, todayInEngland } from '../calendar/england-time';
import { IdSchema, freeText, isoDate, requiredText } from '../validation';
import { formatDay } from '../calendar/england-time';

export const MAX_MDT_ACTIONS = 5;

const ActionSchema = z.object({
  title: freeText('Action', 200).default(''),
  assignee: z.string({ error: 'Owner: choose who will do it' }).trim().default(''),
  dueDate: z.union([z.literal(''), isoDate('Due date')]).default(''),
});

export const RecordDiscussionSchema = z.object({
  patientId: z.uuid(),
  meetingId: IdSchema('Meeting'),
  note: requiredText('Discussion note', 5000, 'Enter what was discussed'),
  actions: z
    .array(ActionSchema, { error: 'Actions must be a list' })
    .max(MAX_MDT_ACTIONS, `At most ${MAX_MDT_ACTIONS} actions per person`)
    .default([]),
});
export type RecordDiscussionInput = z.infer<typeof RecordDiscussionSchema>;

/**
 * Records one person's discussion at an MDT meeting: the note goes on their timeline, and each
 * action becomes a task (origin MDT) with its owner and due date, all in one transaction.
 * Blank action rows are ignored; a half-filled one is refused, naming the field.
 */
export async function recordDiscussion(db: Db, actor: Actor, input: RecordDiscussionInput): Promise<{ id: string; taskIds: string[] }> {
  const meeting = await teamMeeting(db, actor, input.meetingId);
  const choices = await listAssignees(db, actor, input.patientId);
  const actions = input.actions
    .map((a, i) => ({ ...a, i }))
    .filter((a) => a.title || a.assignee || a.dueDate)
    .map((a) => {
      if (!a.title) throw new Invalid(`actions.${a.i}.title`, 'Action: enter what needs doing');
      const choice = choices.find((c) => c.value === a.assignee && c.userId);
      if (!choice) throw new Invalid(`actions.${a.i}.assignee`, 'Owner: choose the person who will do it');
      if (!a.dueDate) throw new Invalid(`actions.${a.i}.dueDate`, 'Due date: enter when it is due');
      if (a.dueDate < todayInEngland()) throw new Invalid(`actions.${a.i}.dueDate`, 'Due date must be today or in the future');
      return { title: a.title, choice, dueAt: endOfWorkingDay(a.dueDate) };
    });
  return await db.transaction(async (tx) => {
    const now = Date.now();
    const id = newId();
    await tx
      .insert(mdtDiscussions)
      .values({ id, meetingId: meeting.id, patientId: input.patientId, note: input.note, recordedByUserId: actor.userId, createdAt: now })
      .run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'mdt_discussed',
        summary: `Discussed at the MDT meeting of ${formatDay(meeting.heldOn)}`,
        body: input.note,
        subjectType: 'mdt_discussion',
        subjectId: id,
      },
      now,
    );
    const taskIds: string[] = [];
    for (const a of actions) {
      const taskId = await insertTask(
        tx,
        actor,
        {
          patientId: input.patientId,
          title: a.title,
          assigneeUserId: a.choice.userId,
          assigneeOrganisationId: a.choice.organisationId,
          dueAt: a.dueAt,
          origin: 'mdt',
          mdtDiscussionId: id,
        },
        now,
      );
      if (a.choice.userId !== actor.userId)
        await notifyAssignee(tx, { id: taskId, title: a.title, assigneeUserId: a.choice.userId!, patientId: input.patientId }, actor, now);
      taskIds.push(taskId);
    }
    return { id, taskIds };
  });
}
