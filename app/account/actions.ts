'use server';

import type { FormResult } from '../../server/trpc/form-result';
import { EndOtherSessionsSchema, EndSessionSchema } from '../../server/account/end-session';
import { submit } from '../lib/submit';

export async function endSessionAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, EndSessionSchema, (c, input) => c.account.endSession(input), {
    revalidate: () => '/account/sessions',
    message: 'You have been signed out of that device.',
  });
}

export async function endOtherSessionsAction(_prev: FormResult | null, formData: FormData) {
  return submit(formData, EndOtherSessionsSchema, (c, input) => c.account.endOtherSessions(input), {
    revalidate: () => '/account/sessions',
    message: 'You have been signed out of all other devices.',
  });
}
