import { NoInput, read, subject, write } from '../use-cases/define';
import { changePassword, ChangePasswordSchema, prepareChangePassword } from './change-password';
import { endOtherSessions, EndOtherSessionsSchema, endSession, EndSessionSchema } from './end-session';
import { listSessions } from './list-sessions';

/** The signed-in user's own account: anyone signed in, only ever on their own account. */
export const accountUseCases = {
  // The one call open to a user still on an administrator's temporary password (temporary-password.ts).
  changePassword: write({
    name: 'account.changePassword',
    permission: 'own',
    subject: subject.own,
    input: ChangePasswordSchema,
    prepare: (input, c) => prepareChangePassword(c.db, c.actor, input),
    run: async (c) => await changePassword(c.db, c.actor, c.prepared),
  }),
  /** Where the user is signed in: each session by device, address and when, never its id. */
  listSessions: read({
    name: 'account.listSessions',
    permission: 'own',
    subject: subject.own,
    input: NoInput,
    run: async (c) => await listSessions(c.db, c.actor),
  }),
  endSession: write({
    name: 'account.endSession',
    permission: 'own',
    subject: subject.own,
    input: EndSessionSchema,
    run: async (c) => await endSession(c.db, c.actor, c.input),
  }),
  endOtherSessions: write({
    name: 'account.endOtherSessions',
    permission: 'own',
    subject: subject.own,
    input: EndOtherSessionsSchema,
    run: async (c) => await endOtherSessions(c.db, c.actor, c.input),
  }),
};
