'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { SendReferralSchema } from '../../server/referrals/send-referral';
import { UpdateReferralSchema } from '../../server/referrals/update-referral';
import { submit } from '../lib/submit';

export async function sendReferralAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, SendReferralSchema, (c, input) => c.referrals.send(input), { redirectTo: (_v, sent) => `/referrals/${sent.id}` });
}

export async function updateReferralAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, UpdateReferralSchema, (c, input) => c.referrals.update(input), {
    revalidate: (v) => `/referrals/${v.referralId ?? ''}`,
    message: 'Referral updated.',
  });
}
