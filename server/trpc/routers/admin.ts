import { router } from '../init';
import { permittedProcedure } from '../procedures';
import { listOrganisations } from '../../admin/list-organisations';
import { createOrganisation, CreateOrganisationSchema } from '../../admin/create-organisation';
import { listUsers } from '../../admin/list-users';
import { createUser, CreateUserSchema } from '../../admin/create-user';
import { updateUser, UpdateUserSchema } from '../../admin/update-user';

const adminProcedure = permittedProcedure('admin.manage');

export const adminRouter = router({
  organisations: adminProcedure.query(({ ctx }) => listOrganisations(ctx.db)),
  createOrganisation: adminProcedure
    .input(CreateOrganisationSchema)
    .mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.actor, input)),
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  createUser: adminProcedure.input(CreateUserSchema).mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input)),
  updateUser: adminProcedure.input(UpdateUserSchema).mutation(({ ctx, input }) => updateUser(ctx.db, ctx.actor, input)),
});
