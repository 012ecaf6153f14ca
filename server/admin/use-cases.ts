import { NoInput, read, subject, write } from '../use-cases/define';
import { listOrganisations } from './list-organisations';
import { createOrganisation, CreateOrganisationSchema } from './create-organisation';
import { listUsers } from './list-users';
import { createUser, CreateUserSchema, prepareCreateUser } from './create-user';
import { updateUser, UpdateUserSchema } from './update-user';

export const adminUseCases = {
  organisations: read({
    name: 'admin.organisations',
    permission: 'admin.manage',
    subject: subject.role,
    input: NoInput,
    run: (c) => listOrganisations(c.db),
  }),
  createOrganisation: write({
    name: 'admin.createOrganisation',
    permission: 'admin.manage',
    subject: subject.role,
    input: CreateOrganisationSchema,
    run: (c) => createOrganisation(c.db, c.actor, c.input),
  }),
  users: read({
    name: 'admin.users',
    permission: 'admin.manage',
    subject: subject.role,
    input: NoInput,
    run: (c) => listUsers(c.db),
  }),
  createUser: write({
    name: 'admin.createUser',
    permission: 'admin.manage',
    subject: subject.role,
    input: CreateUserSchema,
    prepare: prepareCreateUser,
    run: (c) => createUser(c.db, c.actor, c.input, c.prepared),
  }),
  updateUser: write({
    name: 'admin.updateUser',
    permission: 'admin.manage',
    subject: subject.role,
    input: UpdateUserSchema,
    run: (c) => updateUser(c.db, c.actor, c.input),
  }),
};
