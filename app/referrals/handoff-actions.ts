'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { OfferHandoffSchema } from '../../server/handoffs/offer-handoff';
import { RespondToHandoffSchema } from '../../server/handoffs/respond-to-handoff';
import { safePath } from '../lib/safe-path';
import { submit } from '../lib/submit';
import { withDone } from '../lib/with-done';

export async function offerHandoffAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, OfferHandoffSchema, (c, input) => c.handoffs.offer(input), {
    redirectTo: (v) => `/patients/${v.patientId ?? ''}`,
  });
}

/** Accept, decline or withdraw: back where the button was (the referrals page by default), confirmed there. */
export async function respondToHandoffAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, RespondToHandoffSchema, (c, input) => c.handoffs.respond(input), {
    redirectTo: (v) => withDone(safePath(v.returnTo, '/referrals'), `handoff-${v.response ?? ''}`),
  });
}
