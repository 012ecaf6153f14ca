import { subject, write } from '../use-cases/define';
import { changePassword, ChangePasswordSchema, prepareChangePassword } from './change-password';

/** The signed-in user's own account: anyone signed in, only ever on their own account. */
export const accountUseCases = {
  // The one call open to a user still on an administrator's temporary password (temporary-password.ts).
  changePassword: write({
    name: 'account.changePassword',
    permission: 'own',
    subject: subject.own,
    input: ChangePasswordSchema,
    prepare: (input, c) => prepareChangePassword(c.db, c.actor, input),
    run: (c) => changePassword(c.db, c.actor, c.prepared),
  }),
};
