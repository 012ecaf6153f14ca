import { idOnly, publicRead, publicWrite, read, subject, write } from '../use-cases/define';
import { z } from 'zod';
import { inviteCarer, InviteCarerSchema } from './invite-carer';
import { listCarers } from './list-carers';
import { getInvitation } from './invitation-status';
import { acceptInvitation, AcceptInvitationSchema } from './accept-invitation';
import { setCarerActive, SetCarerActiveSchema } from './set-carer-active';

const TokenSchema = z.object({
  token: z.string({ error: 'Invitation: the link is missing' }).max(100, 'Invitation: the link is not valid'),
});

export const carerInvitationsUseCases = {
  /** Deactivates (signing them out everywhere) or reactivates a carer linked to this person: whoever manages their carers. */
  setActive: write({
    name: 'carerInvitations.setActive',
    permission: 'carer.invite',
    subject: subject.patient,
    input: SetCarerActiveSchema,
    run: async (c) => await setCarerActive(c.db, c.actor, c.input),
  }),
  /** Staff: the carers around a person, their consent and their invitations. */
  list: read({
    name: 'carerInvitations.list',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await listCarers(c.db, c.input.patientId),
  }),
  invite: write({
    name: 'carerInvitations.invite',
    permission: 'carer.invite',
    subject: subject.patient,
    input: InviteCarerSchema,
    run: async (c) => await inviteCarer(c.db, c.actor, c.input),
  }),
  // Opened from the link, before the carer has an account: the link's secret is the only key.
  get: publicRead({
    name: 'carerInvitations.get',
    input: TokenSchema,
    run: async (c) => {
      const found = await getInvitation(c.db, c.input.token);
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
    },
  }),
  accept: publicWrite({
    name: 'carerInvitations.accept',
    input: AcceptInvitationSchema,
    run: (c) => acceptInvitation(c.db, c.input, Date.now(), c.ip),
  }),
};
