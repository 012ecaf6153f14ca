'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { safePath } from '../lib/safe-path';
import { submit } from '../lib/submit';

// Task buttons appear on several pages (/tasks, a task, a discharge's checklist): each form says
// where to come back to, and the page is refreshed there.
const back = (v: Record<string, string>) => safePath(v.returnTo, `/tasks/${v.taskId ?? ''}`);

export async function pickUpTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.tasks.pickUp({ taskId: v.taskId ?? '' }), { revalidate: back, message: 'You have this task now.' });
}

export async function startTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.tasks.start({ taskId: v.taskId ?? '' }), { revalidate: back, message: 'Task in progress.' });
}

export async function completeTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.tasks.complete({ taskId: v.taskId ?? '', outcome: v.outcome ?? '' }), { redirectTo: back });
}

export async function cancelTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.tasks.cancel({ taskId: v.taskId ?? '', reason: v.reason ?? '' }), { redirectTo: back });
}

export async function createTaskAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.tasks.create(v as never), { redirectTo: (v) => `/patients/${v.patientId ?? ''}#work` });
}
