import { idOnly, NoInput, read, subject, write } from '../use-cases/define';
import { offerHandoff, OfferHandoffSchema } from './offer-handoff';
import { respondToHandoff, RespondToHandoffSchema } from './respond-to-handoff';
import { StaffSearchSchema } from '../patients/list-options';
import { listHandoffCandidates, listMyHandoffs, pendingHandoffFor } from './list-handoffs';

export const handoffsUseCases = {
  offer: write({
    name: 'handoffs.offer',
    permission: 'handoff.offer',
    subject: subject.patient,
    input: OfferHandoffSchema,
    run: async (c) => await offerHandoff(c.db, c.actor, c.input),
  }),
  respond: write({
    name: 'handoffs.respond',
    permission: 'handoff.respond',
    subject: subject.handoff,
    input: RespondToHandoffSchema,
    run: async (c) => await respondToHandoff(c.db, c.actor, c.input),
  }),
  // Only hand-overs to or from the signed-in user: the offer itself is what they are told about.
  mine: read({
    name: 'handoffs.mine',
    permission: 'own',
    subject: subject.own,
    input: NoInput,
    run: async (c) => await listMyHandoffs(c.db, c.actor),
  }),
  pendingFor: read({
    name: 'handoffs.pendingFor',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await pendingHandoffFor(c.db, c.input.patientId),
  }),
  candidates: read({
    name: 'handoffs.candidates',
    permission: 'handoff.offer',
    subject: subject.patient,
    input: idOnly('patientId', 'Person').extend(StaffSearchSchema.shape),
    run: async (c) => await listHandoffCandidates(c.db, c.input),
  }),
};
