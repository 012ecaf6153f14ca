'use server';

import { serverCaller } from '../../server/auth/request-context';
import { AcceptInvitationSchema } from '../../server/carers/accept-invitation';
import { formValues, parseForm, toFormResult, type FormResult } from '../../server/trpc/form-result';
import { INVITATION_STATUS_WORDS, type InvitationStatus } from '../../server/carers/invitation-status';
import { formatDay } from '../../server/calendar/england-time';

/** What the invitation page shows: who invited whom, or why the link no longer works. */
export type InvitationView =
  | {
      status: 'open';
      carerName: string;
      email: string;
      invitedByName: string;
      invitedByOrganisation: string | null;
      expiresOn: string;
      hasAccount: boolean;
    }
  | { status: Exclude<InvitationStatus, 'open'>; words: string };

/**
 * Opens an invitation from the secret the page read after "#" in its link. Posted (a server
 * action), so the secret is never in a URL: not in a request log, browser history of paths or Referer.
 */
export async function openInvitationAction(token: unknown): Promise<InvitationView> {
  const secret = typeof token === 'string' ? token.slice(0, 100) : '';
  if (!secret) return { status: 'unknown', words: INVITATION_STATUS_WORDS.unknown };
  const { caller } = await serverCaller();
  const invitation = await caller.carerInvitations.get({ token: secret });
  if (invitation.status !== 'open') return { status: invitation.status, words: INVITATION_STATUS_WORDS[invitation.status] };
  return {
    status: 'open',
    carerName: invitation.carerName,
    email: invitation.email,
    invitedByName: invitation.invitedByName,
    invitedByOrganisation: invitation.invitedByOrganisation,
    expiresOn: formatDay(invitation.expiresAt),
    hasAccount: invitation.hasAccount,
  };
}

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
