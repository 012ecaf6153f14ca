import type { Actor } from './actor';

/** What a user on an administrator's temporary password may still do: replace it. */
export const OPEN_WITH_TEMPORARY_PASSWORD: ReadonlySet<string> = new Set(['account.changePassword']);

export const TEMPORARY_PASSWORD_MESSAGE =
  'Your administrator set a temporary password. Choose your own password at /account/password to continue.';

/**
 * Whether `action` (a procedure path) must be refused because the actor has not yet replaced the
 * password an administrator set (#16 finding 17): the administrator knows it, so until then the
 * account does nothing else. For the executor: refuse with FORBIDDEN and this message, audited as
 * denied under the rule 'must_change_password'.
 */
export function refusedUntilPasswordChanged(actor: Pick<Actor, 'mustChangePassword'>, action: string): boolean {
  return actor.mustChangePassword === true && !OPEN_WITH_TEMPORARY_PASSWORD.has(action);
}
