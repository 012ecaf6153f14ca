import { router } from '../init';
import { patientProcedure, permittedProcedure, referralProcedure } from '../procedures';
import { sendReferral, SendReferralSchema } from '../../referrals/send-referral';
import { updateReferral, UpdateReferralSchema } from '../../referrals/update-referral';
import { listReferrals, ListReferralsSchema } from '../../referrals/list-referrals';
import { getReferral } from '../../referrals/get-referral';
import {
  AddOutcomeReasonSchema,
  RemoveOutcomeReasonSchema,
  addOutcomeReason,
  listOutcomeReasons,
  removeOutcomeReason,
} from '../../referrals/outcome-reasons';

export const referralsRouter = router({
  send: patientProcedure('referral.send')
    .input(SendReferralSchema)
    .mutation(({ ctx, input }) => sendReferral(ctx.db, ctx.actor, input)),
  list: permittedProcedure('referral.list')
    .input(ListReferralsSchema)
    .query(({ ctx, input }) => listReferrals(ctx.db, ctx.actor, input)),
  get: referralProcedure('referral.read').query(({ ctx, input }) => ({ ...getReferral(ctx.db, input.referralId), access: ctx.decision })),
  outcomeReasons: permittedProcedure('admin.manage').query(({ ctx }) => listOutcomeReasons(ctx.db)),
  addOutcomeReason: permittedProcedure('admin.manage')
    .input(AddOutcomeReasonSchema)
    .mutation(({ ctx, input }) => addOutcomeReason(ctx.db, ctx.actor, input)),
  removeOutcomeReason: permittedProcedure('admin.manage')
    .input(RemoveOutcomeReasonSchema)
    .mutation(({ ctx, input }) => removeOutcomeReason(ctx.db, ctx.actor, input)),
  update: referralProcedure('referral.work')
    .input(UpdateReferralSchema)
    .mutation(({ ctx, input }) => updateReferral(ctx.db, ctx.actor, input)),
});
