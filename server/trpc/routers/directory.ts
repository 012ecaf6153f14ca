import { router } from '../init';
import { permittedProcedure } from '../procedures';
import { SearchServicesSchema, searchServices } from '../../directory/search-services';
import { SaveServiceSchema, saveService } from '../../directory/save-service';
import { ImportFeedSchema, importFeedText } from '../../directory/import-oruk';

export const directoryRouter = router({
  // Staff who refer see active services; the admin page asks for all.
  search: permittedProcedure('directory.search').input(SearchServicesSchema).query(({ ctx, input }) => searchServices(ctx.db, { ...input, includeInactive: false })),
  manage: permittedProcedure('admin.manage').input(SearchServicesSchema).query(({ ctx, input }) => searchServices(ctx.db, { ...input, includeInactive: true })),
  save: permittedProcedure('admin.manage').input(SaveServiceSchema).mutation(({ ctx, input }) => saveService(ctx.db, ctx.actor, input)),
  importFeed: permittedProcedure('admin.manage').input(ImportFeedSchema).mutation(({ ctx, input }) => importFeedText(ctx.db, ctx.actor, input)),
});
