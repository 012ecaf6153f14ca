'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { MAX_MDT_ACTIONS } from '../../server/mdt/record-discussion';
import { submit } from '../lib/submit';

export async function recordMeetingAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.mdt.recordMeeting(v as never), { redirectTo: (_v, result) => `/mdt/${result.id}` });
}

export async function recordDiscussionAction(_prev: FormResult | null, formData: FormData) {
  return submit(
    formData,
    (c, v) =>
      c.mdt.recordDiscussion({
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
    { revalidate: (v) => `/mdt/${v.meetingId ?? ''}`, message: 'Discussion recorded; actions are now tasks.' },
  );
}
