import { USE_CASES } from '../use-cases/registry';
import { createCallerFactory, router } from './init';
import { routerFor } from './router-for';

/** The API: one procedure per declared use case, every one run by the executor. */
export const appRouter = router({
  patients: router(routerFor(USE_CASES.patients)),
  timeline: router(routerFor(USE_CASES.timeline)),
  consent: router(routerFor(USE_CASES.consent)),
  admin: router(routerFor(USE_CASES.admin)),
  carer: router(routerFor(USE_CASES.carer)),
  discharges: router(routerFor(USE_CASES.discharges)),
  tasks: router(routerFor(USE_CASES.tasks)),
  notifications: router(routerFor(USE_CASES.notifications)),
  directory: router(routerFor(USE_CASES.directory)),
  referrals: router(routerFor(USE_CASES.referrals)),
  handoffs: router(routerFor(USE_CASES.handoffs)),
  carerInvitations: router(routerFor(USE_CASES.carerInvitations)),
  access: router(routerFor(USE_CASES.access)),
  metrics: router(routerFor(USE_CASES.metrics)),
  wellbeing: router(routerFor(USE_CASES.wellbeing)),
  mdt: router(routerFor(USE_CASES.mdt)),
  account: router(routerFor(USE_CASES.account)),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
