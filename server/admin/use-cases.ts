import { idOnly, NoInput, read, subject, write } from '../use-cases/define';
import { listOrganisations } from './list-organisations';
import { endAllSessions, EndAllSessionsSchema } from './end-all-sessions';
import { findCarerAccount, FindCarerAccountSchema, setCarerAccountActive, SetCarerAccountActiveSchema } from './carer-accounts';
import { listClinicalAccountChanges, ListClinicalAccountChangesSchema } from './list-clinical-account-changes';
import { reviewClinicalAccount, ReviewClinicalAccountSchema } from './review-clinical-account';
import { createOrganisation, CreateOrganisationSchema } from './create-organisation';
import { getStaffUser, listUsers, ListUsersSchema } from './list-users';
import { NotFound } from '../errors';
import { createUser, CreateUserSchema, prepareCreateUser } from './create-user';
import { updateUser, UpdateUserSchema } from './update-user';

export const adminUseCases = {
  /** Signs a member of the organisation's staff out everywhere (a lost phone, a shared computer). */
  endAllSessions: write({
    name: 'admin.endAllSessions',
    permission: 'admin.manage',
    subject: subject.role,
    input: EndAllSessionsSchema,
    run: async (c) => await endAllSessions(c.db, c.actor, c.input),
  }),
  /** A carer account, by exact email, when it cares for someone whose record the organisation holds. */
  findCarerAccount: read({
    name: 'admin.findCarerAccount',
    permission: 'admin.manage',
    subject: subject.role,
    input: FindCarerAccountSchema,
    run: async (c) => await findCarerAccount(c.db, c.actor, c.input),
  }),
  setCarerAccountActive: write({
    name: 'admin.setCarerAccountActive',
    permission: 'admin.manage',
    subject: subject.role,
    input: SetCarerAccountActiveSchema,
    run: async (c) => await setCarerAccountActive(c.db, c.actor, c.input),
  }),
  /** Clinical accounts created or raised in the last 30 days, for a second administrator to review (#16 finding 5). */
  clinicalAccountChanges: read({
    name: 'admin.clinicalAccountChanges',
    permission: 'admin.manage',
    subject: subject.role,
    input: ListClinicalAccountChangesSchema,
    run: async (c) => await listClinicalAccountChanges(c.db, c.actor, c.input),
  }),
  reviewClinicalAccount: write({
    name: 'admin.reviewClinicalAccount',
    permission: 'admin.manage',
    subject: subject.role,
    input: ReviewClinicalAccountSchema,
    run: async (c) => await reviewClinicalAccount(c.db, c.actor, c.input),
  }),
  organisations: read({
    name: 'admin.organisations',
    permission: 'admin.manage',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listOrganisations(c.db),
  }),
  createOrganisation: write({
    name: 'admin.createOrganisation',
    permission: 'admin.manage',
    subject: subject.role,
    input: CreateOrganisationSchema,
    run: async (c) => await createOrganisation(c.db, c.actor, c.input),
  }),
  /** Staff accounts, 25 to a page, found by name or email and filtered by role, organisation and status. */
  users: read({
    name: 'admin.users',
    permission: 'admin.manage',
    subject: subject.role,
    input: ListUsersSchema,
    run: async (c) => await listUsers(c.db, c.input),
  }),
  /** One staff account, for the page that manages it. */
  user: read({
    name: 'admin.user',
    permission: 'admin.manage',
    subject: subject.role,
    input: idOnly('userId', 'User'),
    run: async (c) => {
      const user = await getStaffUser(c.db, c.input.userId);
      if (!user) throw new NotFound('This user does not exist.');
      return user;
    },
  }),
  createUser: write({
    name: 'admin.createUser',
    permission: 'admin.manage',
    subject: subject.role,
    input: CreateUserSchema,
    prepare: (input, c) => prepareCreateUser(input, c.db),
    run: async (c) => await createUser(c.db, c.actor, c.input, c.prepared),
  }),
  updateUser: write({
    name: 'admin.updateUser',
    permission: 'admin.manage',
    subject: subject.role,
    input: UpdateUserSchema,
    run: async (c) => await updateUser(c.db, c.actor, c.input),
  }),
};
