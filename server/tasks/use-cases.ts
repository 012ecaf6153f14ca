import { idOnly, read, subject, write } from '../use-cases/define';
import { createTask, CreateTaskSchema } from './create-task';
import { listAssignees } from './list-assignees';
import { listTasks, ListTasksSchema } from './list-tasks';
import { getTask } from './get-task';
import { pickUpTask, PickUpTaskSchema } from './pick-up-task';
import { startTask, StartTaskSchema } from './start-task';
import { completeTask, CompleteTaskSchema } from './complete-task';
import { cancelTask, CancelTaskSchema } from './cancel-task';

export const tasksUseCases = {
  list: read({
    name: 'tasks.list',
    permission: 'task.list',
    subject: subject.role,
    input: ListTasksSchema,
    run: async (c) => await listTasks(c.db, c.actor, c.input),
  }),
  get: read({
    name: 'tasks.get',
    permission: 'task.work',
    subject: subject.task,
    input: idOnly('taskId', 'Task'),
    run: async (c) => ({ ...(await getTask(c.db, c.input.taskId)), access: c.decision }),
  }),
  assignees: read({
    name: 'tasks.assignees',
    permission: 'task.create',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await listAssignees(c.db, c.actor, c.input.patientId),
  }),
  create: write({
    name: 'tasks.create',
    permission: 'task.create',
    subject: subject.patient,
    input: CreateTaskSchema,
    run: async (c) => await createTask(c.db, c.actor, c.input),
  }),
  pickUp: write({
    name: 'tasks.pickUp',
    permission: 'task.work',
    subject: subject.task,
    input: PickUpTaskSchema,
    run: async (c) => await pickUpTask(c.db, c.actor, c.input),
  }),
  start: write({
    name: 'tasks.start',
    permission: 'task.work',
    subject: subject.task,
    input: StartTaskSchema,
    run: async (c) => await startTask(c.db, c.actor, c.input),
  }),
  complete: write({
    name: 'tasks.complete',
    permission: 'task.work',
    subject: subject.task,
    input: CompleteTaskSchema,
    run: async (c) => await completeTask(c.db, c.actor, c.input),
  }),
  cancel: write({
    name: 'tasks.cancel',
    permission: 'task.work',
    subject: subject.task,
    input: CancelTaskSchema,
    run: async (c) => await cancelTask(c.db, c.actor, c.input),
  }),
};
