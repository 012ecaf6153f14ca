import { router } from '../init';
import { patientProcedure } from '../procedures';
import { listConsents } from '../../consent/list-consents';
import { recordConsent, RecordConsentSchema } from '../../consent/record-consent';

export const consentRouter = router({
  list: patientProcedure('patient.read').query(({ ctx, input }) => listConsents(ctx.db, input.patientId)),
  record: patientProcedure('consent.record')
    .input(RecordConsentSchema)
    .mutation(({ ctx, input }) => recordConsent(ctx.db, ctx.actor, input)),
});
