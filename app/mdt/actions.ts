'use server';

import { z } from 'zod';
import type { FormResult } from '../../server/trpc/form-result';
import { MAX_MDT_ACTIONS, RecordDiscussionSchema } from '../../server/mdt/record-discussion';
import { RecordMeetingSchema } from '../../server/mdt/record-meeting';
import { ChoosePeopleSchema, UnchoosePersonSchema } from '../../server/mdt/choose-people';
import { submit } from '../lib/submit';
import { withDone } from '../lib/with-done';

export async function recordMeetingAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RecordMeetingSchema, (c, input) => c.mdt.recordMeeting(input), {
    // Straight on to choosing who the meeting will discuss.
    redirectTo: (_v, result) => withDone(`/mdt?meeting=${result.id}`, 'started'),
  });
}

/** The tick boxes share one name: their values (ids) become one field, split again here. */
const ChoosePeopleForm = z.preprocess(
  (v: Record<string, string>) => ({ meetingId: v.meetingId ?? '', patientIds: v.patientIds ? v.patientIds.split(',') : [] }),
  ChoosePeopleSchema,
);

export async function choosePeopleAction(_prev: FormResult | null, formData: FormData) {
  formData.set(
    'patientIds',
    formData
      .getAll('patientIds')
      .filter((v) => typeof v === 'string')
      .join(','),
  );
  return submit(formData, ChoosePeopleForm, (c, input) => c.mdt.choosePeople(input), {
    redirectTo: (v) => withDone(`/mdt/${v.meetingId ?? ''}`, 'chosen'),
  });
}

export async function unchoosePersonAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, UnchoosePersonSchema, (c, input) => c.mdt.unchoosePerson(input), {
    redirectTo: (v) => withDone(`/mdt/${v.meetingId ?? ''}`, 'unchosen'),
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
