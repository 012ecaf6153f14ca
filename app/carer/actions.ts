'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

export async function sendCarerUpdateAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.carer.sendUpdate(v as never), {
    revalidate: () => '/carer',
    message: 'Sent. The named contact has been told and it is on the record.',
  });
}
