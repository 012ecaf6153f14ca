import { createCallerFactory, router } from './init';
import { adminRouter } from './routers/admin';
import { accessRouter } from './routers/access';
import { metricsRouter } from './routers/metrics';
import { mdtRouter } from './routers/mdt';
import { wellbeingRouter } from './routers/wellbeing';
import { carerRouter } from './routers/carer';
import { carerInvitationsRouter } from './routers/carer-invitations';
import { consentRouter } from './routers/consent';
import { dischargesRouter } from './routers/discharges';
import { directoryRouter } from './routers/directory';
import { referralsRouter } from './routers/referrals';
import { handoffsRouter } from './routers/handoffs';
import { notificationsRouter } from './routers/notifications';
import { tasksRouter } from './routers/tasks';
import { patientsRouter } from './routers/patients';
import { timelineRouter } from './routers/timeline';

export const appRouter = router({
  patients: patientsRouter,
  timeline: timelineRouter,
  consent: consentRouter,
  admin: adminRouter,
  carer: carerRouter,
  discharges: dischargesRouter,
  tasks: tasksRouter,
  notifications: notificationsRouter,
  directory: directoryRouter,
  referrals: referralsRouter,
  handoffs: handoffsRouter,
  carerInvitations: carerInvitationsRouter,
  access: accessRouter,
  metrics: metricsRouter,
  wellbeing: wellbeingRouter,
  mdt: mdtRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
