import { idOnly, read, subject, write } from '../use-cases/define';
import { ManageServicesSchema, SearchServicesSchema, getService, manageServices, searchServices } from './search-services';
import { NotFound } from '../errors';
import { SaveServiceSchema, saveService } from './save-service';
import { ImportFeedSchema, importFeedText } from './import-oruk';

export const directoryUseCases = {
  // Staff who refer see active services; the admin page asks for all.
  search: read({
    name: 'directory.search',
    permission: 'directory.search',
    subject: subject.role,
    input: SearchServicesSchema,
    run: async (c) => await searchServices(c.db, { ...c.input, includeInactive: false }),
  }),
  /** Administrators: every service, switched off too, 25 to a page. */
  manage: read({
    name: 'directory.manage',
    permission: 'admin.manage',
    subject: subject.role,
    input: ManageServicesSchema,
    run: async (c) => await manageServices(c.db, c.input),
  }),
  get: read({
    name: 'directory.get',
    permission: 'admin.manage',
    subject: subject.role,
    input: idOnly('serviceId', 'Service'),
    run: async (c) => {
      const service = await getService(c.db, c.input.serviceId);
      if (!service) throw new NotFound('This service does not exist.');
      return service;
    },
  }),
  save: write({
    name: 'directory.save',
    permission: 'admin.manage',
    subject: subject.role,
    input: SaveServiceSchema,
    run: async (c) => await saveService(c.db, c.actor, c.input),
  }),
  importFeed: write({
    name: 'directory.importFeed',
    permission: 'admin.manage',
    subject: subject.role,
    input: ImportFeedSchema,
    run: async (c) => await importFeedText(c.db, c.actor, c.input),
  }),
};
