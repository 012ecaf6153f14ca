import { TZDate } from '@date-fns/tz';
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

/** Where carenav is used: due dates typed as a day mean that day in England. */
export const LOCAL_ZONE = 'Europe/London';

/** A task due "on" a day is due by the end of the working day there (17:00 in England). */
export function endOfWorkingDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 17, 0, 0, LOCAL_ZONE).getTime();
}

/** Today's date in England, as YYYY-MM-DD. */
export function todayInEngland(now = Date.now()): string {
  const d = new TZDate(now, LOCAL_ZONE);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
