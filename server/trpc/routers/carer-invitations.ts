import { z } from 'zod';
import { publicProcedure, router } from '../init';
import { patientProcedure } from '../procedures';
import { inviteCarer, InviteCarerSchema } from '../../carers/invite-carer';
import { listCarers } from '../../carers/list-carers';
import { getInvitation } from '../../carers/invitation-status';
import { acceptInvitation, AcceptInvitationSchema } from '../../carers/accept-invitation';

const TokenSchema = z.object({
  token: z.string({ error: 'Invitation: the link is missing' }).max(100, 'Invitation: the link is not valid'),
});

export const carerInvitationsRouter = router({
  /** Staff: the carers around a person, their consent and their invitations. */
  list: patientProcedure('patient.read').query(({ ctx, input }) => listCarers(ctx.db, input.patientId)),
  invite: patientProcedure('carer.invite')
    .input(InviteCarerSchema)
    .mutation(({ ctx, input }) => inviteCarer(ctx.db, ctx.actor, input)),
  // Opened from the link, before the carer has an account: the link's secret is the only key.
  get: publicProcedure.input(TokenSchema).query(({ ctx, input }) => {
    const found = getInvitation(ctx.db, input.token);
    if (found.status !== 'open') return { status: found.status };
    const i = found.invitation;
    return {
      status: found.status,
      carerName: i.carerName,
      email: i.email,
      invitedByName: i.invitedByName,
      invitedByOrganisation: i.invitedByOrganisation,
      expiresAt: i.expiresAt,
      hasAccount: found.hasAccount,
    };
  }),
  accept: publicProcedure.input(AcceptInvitationSchema).mutation(({ ctx, input }) => acceptInvitation(ctx.db, input)),
});
