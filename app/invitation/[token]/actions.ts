'use server';

import { serverCaller } from '../../../server/auth/request-context';
import { AcceptInvitationSchema } from '../../../server/carers/accept-invitation';
import { formValues, parseForm, toFormResult, type FormResult } from '../../../server/trpc/form-result';

/**
 * Accepting an invitation happens before the carer has an account, so it cannot go through
 * `submit` (which needs a signed-in user): the link's secret is what the procedure checks.
 */
export async function acceptInvitationAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const { password: _p, confirmPassword: _c, ...values } = formValues(formData);
  const { caller } = await serverCaller();
  const parsed = parseForm(AcceptInvitationSchema, formValues(formData));
  // Passwords are never sent back to the page.
  if (!parsed.ok) return { ...parsed.result, values };
  try {
    const { email } = await caller.carerInvitations.accept(parsed.input);
    return { ok: true, detail: { email }, at: Date.now() };
  } catch (error) {
    return toFormResult(error, values);
  }
}
