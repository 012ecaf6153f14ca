import type { TaskPriority, TaskStatus } from '../../db/schema';

export { TASK_PRIORITIES, TASK_STATUSES } from '../../db/schema';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const TASK_PRIORITY_LABELS: Record<TaskPriority, string> = { high: 'High', normal: 'Normal', low: 'Low' };

/** Work still to be done (counts as open on the caseload, and can go overdue). */
export const UNFINISHED: TaskStatus[] = ['open', 'in_progress'];
