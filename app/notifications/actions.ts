'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

export async function markReadAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.notifications.markRead(v.notificationId ? { notificationId: v.notificationId } : {}), {
    revalidate: () => '/notifications',
    message: 'Marked as read.',
  });
}
