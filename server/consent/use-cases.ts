import { idOnly, read, subject, write } from '../use-cases/define';
import { listConsents } from './list-consents';
import { recordConsent, RecordConsentSchema } from './record-consent';

export const consentUseCases = {
  list: read({
    name: 'consent.list',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await listConsents(c.db, c.input.patientId),
  }),
  record: write({
    name: 'consent.record',
    permission: 'consent.record',
    subject: subject.patient,
    input: RecordConsentSchema,
    run: async (c) => await recordConsent(c.db, c.actor, c.input),
  }),
};
