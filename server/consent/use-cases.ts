import { idOnly, read, subject, write } from '../use-cases/define';
import { listConsents } from './list-consents';
import { recordConsent, RecordConsentSchema } from './record-consent';

export const consentUseCases = {
  list: read({
    name: 'consent.list',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: (c) => listConsents(c.db, c.input.patientId),
  }),
  record: write({
    name: 'consent.record',
    permission: 'consent.record',
    subject: subject.patient,
    input: RecordConsentSchema,
    run: (c) => recordConsent(c.db, c.actor, c.input),
  }),
};
