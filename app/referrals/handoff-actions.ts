'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

export async function offerHandoffAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.handoffs.offer(v as never), { redirectTo: (v) => `/patients/${v.patientId ?? ''}` });
}

export async function respondToHandoffAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.handoffs.respond(v as never), { revalidate: () => '/referrals', message: 'Done.' });
}
