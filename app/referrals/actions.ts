'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { submit } from '../lib/submit';

export async function sendReferralAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.referrals.send(v as never), { redirectTo: (_v, sent) => `/referrals/${sent.id}` });
}

export async function updateReferralAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, (c, v) => c.referrals.update(v as never), {
    revalidate: (v) => `/referrals/${v.referralId ?? ''}`,
    message: 'Referral updated.',
  });
}
