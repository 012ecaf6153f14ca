'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { serverCaller } from '../../../server/auth/request-context';
import { ChangePasswordSchema, PASSWORD_CHANGED_MESSAGE } from '../../../server/account/change-password';
import { formValues, parseForm, toFormResult, type FormResult } from '../../../server/trpc/form-result';

/**
 * Changes the signed-in user's password. Not `submit`: it is the one form open to a user who must
 * first replace an administrator's temporary password, and passwords are never sent back to the page.
 * The session to keep is the one on the server-side actor (from the JWT's `sid`), never from the form.
 */
export async function changePasswordAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const { caller, actor } = await serverCaller();
  if (!actor) redirect('/login');
  const parsed = parseForm(ChangePasswordSchema, formValues(formData));
  if (!parsed.ok) return { ...parsed.result, values: {} };
  try {
    await caller.account.changePassword(parsed.input);
  } catch (error) {
    return toFormResult(error, {});
  }
  // The menu and notifications come back once a temporary password has been replaced.
  revalidatePath('/', 'layout');
  return { ok: true, message: PASSWORD_CHANGED_MESSAGE, at: Date.now() };
}
