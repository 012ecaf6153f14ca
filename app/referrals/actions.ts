'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { SendReferralSchema } from '../../server/referrals/send-referral';
import { UpdateReferralSchema } from '../../server/referrals/update-referral';
import type { ReferralStatus } from '../../db/schema';
import { submit } from '../lib/submit';
import { withDone } from '../lib/with-done';

export async function sendReferralAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, SendReferralSchema, (c, input) => c.referrals.send(input), { redirectTo: (_v, sent) => `/referrals/${sent.id}` });
}

/**
 * Each step is confirmed where it lands. Finishing the work (complete, decline) goes back to the
 * team's referrals: the reason to see the person has ended, and the finished referral is under
 * "Completed". Picking up, starting and cancelling stay on the referral.
 */
const LANDING: Record<ReferralStatus, (id: string) => string> = {
  sent: (id) => `/referrals/${id}`,
  accepted: (id) => withDone(`/referrals/${id}`, 'accepted'),
  in_progress: (id) => withDone(`/referrals/${id}`, 'started'),
  completed: () => withDone('/referrals', 'completed'),
  declined: () => withDone('/referrals', 'declined'),
  cancelled: (id) => withDone(`/referrals/${id}`, 'cancelled'),
};

export async function updateReferralAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, UpdateReferralSchema, (c, input) => c.referrals.update(input), {
    redirectTo: (_v, done) => LANDING[done.status](done.id),
  });
}
