import { router } from '../init';
import { permittedProcedure } from '../procedures';
import { z } from 'zod';
import { SearchServicesSchema, getService, searchServices } from '../../directory/search-services';
import { NotFound } from '../../errors';
import { SaveServiceSchema, saveService } from '../../directory/save-service';
import { ImportFeedSchema, importFeedText } from '../../directory/import-oruk';

export const directoryRouter = router({
  // Staff who refer see active services; the admin page asks for all.
  search: permittedProcedure('directory.search')
    .input(SearchServicesSchema)
    .query(({ ctx, input }) => searchServices(ctx.db, { ...input, includeInactive: false })),
  manage: permittedProcedure('admin.manage')
    .input(SearchServicesSchema)
    .query(({ ctx, input }) => searchServices(ctx.db, { ...input, includeInactive: true })),
  get: permittedProcedure('admin.manage')
    .input(z.object({ serviceId: z.uuid() }))
    .query(({ ctx, input }) => {
      const service = getService(ctx.db, input.serviceId);
      if (!service) throw new NotFound('This service does not exist.');
      return service;
    }),
  save: permittedProcedure('admin.manage')
    .input(SaveServiceSchema)
    .mutation(({ ctx, input }) => saveService(ctx.db, ctx.actor, input)),
  importFeed: permittedProcedure('admin.manage')
    .input(ImportFeedSchema)
    .mutation(({ ctx, input }) => importFeedText(ctx.db, ctx.actor, input)),
});
