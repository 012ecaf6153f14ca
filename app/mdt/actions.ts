'use server';

import { z } from 'zod';
import type { FormResult } from '../../server/trpc/form-result';
import { MAX_MDT_ACTIONS, RecordDiscussionSchema } from '../../server/mdt/record-discussion';
import { RecordMeetingSchema } from '../../server/mdt/record-meeting';
import { submit } from '../lib/submit';

export async function recordMeetingAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RecordMeetingSchema, (c, input) => c.mdt.recordMeeting(input), {
    redirectTo: (_v, result) => `/mdt/${result.id}`,
  });
}

const RecordDiscussionForm = z.preprocess(
  (v: Record<string, string>) => ({
    patientId: v.patientId ?? '',
    meetingId: v.meetingId ?? '',
    note: v.note ?? '',
    // The form's numbered rows (actions.0.title …) as the list the procedure takes.
    actions: Array.from({ length: MAX_MDT_ACTIONS }, (_, i) => ({
      title: v[`actions.${i}.title`] ?? '',
      assignee: v[`actions.${i}.assignee`] ?? '',
      dueDate: v[`actions.${i}.dueDate`] ?? '',
    })),
  }),
  RecordDiscussionSchema,
);

export async function recordDiscussionAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RecordDiscussionForm, (c, input) => c.mdt.recordDiscussion(input), {
    revalidate: (v) => `/mdt/${v.meetingId ?? ''}`,
    message: 'Discussion recorded; actions are now tasks.',
  });
}
