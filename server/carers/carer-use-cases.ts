import { idOnly, NoInput, read, subject, write } from '../use-cases/define';
import { carerPerson, listCarerSummaries } from './list-carer-summaries';
import { sendCarerUpdate, SendCarerUpdateSchema } from './send-carer-update';
import { listCarerAccessLog, ListCarerAccessLogSchema } from '../audit/list-access-log';

/** The family carer's side: everything here is about people who agreed to share with them. */
export const carerUseCases = {
  summaries: read({
    name: 'carer.summaries',
    permission: 'carer.summary',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listCarerSummaries(c.db, c.actor),
  }),
  sendUpdate: write({
    name: 'carer.sendUpdate',
    permission: 'carer.update',
    subject: subject.patient,
    input: SendCarerUpdateSchema,
    run: async (c) => await sendCarerUpdate(c.db, c.actor, c.input),
  }),
  // "Who has seen this record" by organisation type only: staff names and emergency reasons are not the carer's to see.
  accessLog: read({
    name: 'carer.accessLog',
    permission: 'carer.accessLog',
    subject: subject.patient,
    input: ListCarerAccessLogSchema,
    run: async (c) => await listCarerAccessLog(c.db, c.input),
  }),
  /** The person's name, for the carer's pages about them, with why the carer may see it. */
  person: read({
    name: 'carer.person',
    permission: 'carer.summary',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => ({ ...(await carerPerson(c.db, c.patientId)), explanation: c.decision.explanation }),
  }),
};
