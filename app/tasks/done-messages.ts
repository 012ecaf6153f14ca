/** What a page with task buttons confirms after one (`?done=…`, set by the task actions). */
export const TASK_DONE = {
  'picked-up': 'You have picked up the task: it is in My tasks, and your name is on it.',
  started: 'Task started: it is in progress.',
  done: 'Task marked as done.',
  'followed-up': 'Follow-up contact recorded. Whoever flagged the discharge can see the outcome.',
  cancelled: 'Task cancelled.',
};
