import { z } from 'zod';
import type { Db } from '../../db/client';
import { TASK_PRIORITIES } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid } from '../errors';
import { freeText, isoDate, requiredText } from '../validation';
import { insertTask } from './insert-task';
import { listAssignees } from './list-assignees';
import { notifyAssignee } from './notify-assignee';
import { endOfWorkingDay, todayInEngland } from '../calendar/england-time';

export const CreateTaskSchema = z.object({
  patientId: z.uuid(),
  title: requiredText('Title', 200, 'Enter what needs doing'),
  details: freeText('Details', 5000).default(''),
  assignee: z.string({ error: 'Choose who will do it' }).trim().min(1, 'Choose who will do it'),
  // Checked with the other fields (not after them in the use case), so every problem is told at once.
  dueDate: z
    .union([z.literal(''), isoDate('Due date').refine((v) => v >= todayInEngland(), 'Due date must be today or in the future')])
    .default(''),
  priority: z.enum(TASK_PRIORITIES, { error: 'Choose a priority' }).default('normal'),
});
export type CreateTaskInput = z.infer<typeof CreateTaskSchema>;

/** A task someone adds by hand to a person's record, for themselves, a colleague or a team queue. */
export async function createTask(db: Db, actor: Actor, input: CreateTaskInput): Promise<{ id: string }> {
  const choice = (await listAssignees(db, actor, input.patientId)).find((c) => c.value === input.assignee);
  if (!choice) throw new Invalid('assignee', 'Choose someone already involved in this person’s care, or a team queue');
  return await db.transaction(async (tx) => {
    const now = Date.now();
    const id = await insertTask(
      tx,
      actor,
      {
        patientId: input.patientId,
        title: input.title,
        details: input.details,
        assigneeUserId: choice.userId,
        assigneeOrganisationId: choice.organisationId,
        dueAt: input.dueDate ? endOfWorkingDay(input.dueDate) : null,
        priority: input.priority,
        origin: 'manual',
      },
      now,
    );
    if (choice.userId && choice.userId !== actor.userId)
      await notifyAssignee(tx, { id, title: input.title, assigneeUserId: choice.userId, patientId: input.patientId }, actor, now);
    return { id };
  });
}
