'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { SendCarerUpdateSchema } from '../../server/carers/send-carer-update';
import { submit } from '../lib/submit';

export async function sendCarerUpdateAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, SendCarerUpdateSchema, (c, input) => c.carer.sendUpdate(input), {
    revalidate: () => '/carer',
    message: 'Sent. The named contact has been told and it is on the record.',
  });
}
