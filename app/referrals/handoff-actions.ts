'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { OfferHandoffSchema } from '../../server/handoffs/offer-handoff';
import { RespondToHandoffSchema } from '../../server/handoffs/respond-to-handoff';
import { submit } from '../lib/submit';

export async function offerHandoffAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, OfferHandoffSchema, (c, input) => c.handoffs.offer(input), {
    redirectTo: (v) => `/patients/${v.patientId ?? ''}`,
  });
}

export async function respondToHandoffAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RespondToHandoffSchema, (c, input) => c.handoffs.respond(input), {
    revalidate: () => '/referrals',
    message: 'Done.',
  });
}
