'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { safePath } from '../lib/safe-path';
import { CreateTaskSchema } from '../../server/tasks/create-task';
import { PickUpTaskSchema } from '../../server/tasks/pick-up-task';
import { StartTaskSchema } from '../../server/tasks/start-task';
import { CompleteTaskSchema } from '../../server/tasks/complete-task';
import { CancelTaskSchema } from '../../server/tasks/cancel-task';
import { submit } from '../lib/submit';
import { withDone } from '../lib/with-done';

// Task buttons appear on several pages (/tasks, a task, a discharge's checklist): each form says
// where to come back to, and the page there confirms what was done (`?done=`, see TASK_DONE).
const back = (v: Record<string, string>) => safePath(v.returnTo, `/tasks/${v.taskId ?? ''}`);
const backDone = (done: string) => (v: Record<string, string>) => withDone(back(v), done);

export async function pickUpTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, PickUpTaskSchema, (c, input) => c.tasks.pickUp(input), { redirectTo: backDone('picked-up') });
}

export async function startTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, StartTaskSchema, (c, input) => c.tasks.start(input), { redirectTo: backDone('started') });
}

export async function completeTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, CompleteTaskSchema, (c, input) => c.tasks.complete(input), {
    redirectTo: (v) => withDone(back(v), v.followUp === 'yes' ? 'followed-up' : 'done'),
  });
}

export async function cancelTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, CancelTaskSchema, (c, input) => c.tasks.cancel(input), { redirectTo: backDone('cancelled') });
}

export async function createTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, CreateTaskSchema, (c, input) => c.tasks.create(input), {
    redirectTo: (v) => `/patients/${v.patientId ?? ''}#work`,
  });
}
