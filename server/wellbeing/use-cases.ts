import { idOnly, read, subject, write } from '../use-cases/define';
import { listWellbeing, recordWellbeing, RecordWellbeingSchema } from './record-wellbeing';

export const wellbeingUseCases = {
  list: read({
    name: 'wellbeing.list',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await listWellbeing(c.db, c.input.patientId),
  }),
  record: write({
    name: 'wellbeing.record',
    permission: 'wellbeing.record',
    subject: subject.patient,
    input: RecordWellbeingSchema,
    run: async (c) => await recordWellbeing(c.db, c.actor, c.input),
  }),
};
