'use server';

import { z } from 'zod';
import { MarkReadSchema } from '../../server/notifications/mark-read';
import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

// "Mark all as read" sends no notification (or an empty one): all of the user's unread ones.
const MarkReadForm = z.preprocess(
  (v: Record<string, string>) => (v.notificationId ? { notificationId: v.notificationId } : {}),
  MarkReadSchema,
);

export async function markReadAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, MarkReadForm, (c, input) => c.notifications.markRead(input), {
    revalidate: () => '/notifications',
    message: 'Marked as read.',
  });
}
