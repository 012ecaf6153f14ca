import { router } from '../init';
import { patientProcedure, permittedProcedure, taskProcedure } from '../procedures';
import { createTask, CreateTaskSchema } from '../../tasks/create-task';
import { listAssignees } from '../../tasks/list-assignees';
import { listTasks, ListTasksSchema } from '../../tasks/list-tasks';
import { getTask } from '../../tasks/get-task';
import { pickUpTask, PickUpTaskSchema } from '../../tasks/pick-up-task';
import { startTask, StartTaskSchema } from '../../tasks/start-task';
import { completeTask, CompleteTaskSchema } from '../../tasks/complete-task';
import { cancelTask, CancelTaskSchema } from '../../tasks/cancel-task';

export const tasksRouter = router({
  list: permittedProcedure('task.list')
    .input(ListTasksSchema)
    .query(({ ctx, input }) => listTasks(ctx.db, ctx.actor, input)),
  get: taskProcedure('task.work').query(({ ctx, input }) => ({ ...getTask(ctx.db, input.taskId), access: ctx.decision })),
  assignees: patientProcedure('task.create').query(({ ctx, input }) => listAssignees(ctx.db, ctx.actor, input.patientId)),
  create: patientProcedure('task.create')
    .input(CreateTaskSchema)
    .mutation(({ ctx, input }) => createTask(ctx.db, ctx.actor, input)),
  pickUp: taskProcedure('task.work')
    .input(PickUpTaskSchema)
    .mutation(({ ctx, input }) => pickUpTask(ctx.db, ctx.actor, input)),
  start: taskProcedure('task.work')
    .input(StartTaskSchema)
    .mutation(({ ctx, input }) => startTask(ctx.db, ctx.actor, input)),
  complete: taskProcedure('task.work')
    .input(CompleteTaskSchema)
    .mutation(({ ctx, input }) => completeTask(ctx.db, ctx.actor, input)),
  cancel: taskProcedure('task.work')
    .input(CancelTaskSchema)
    .mutation(({ ctx, input }) => cancelTask(ctx.db, ctx.actor, input)),
});
