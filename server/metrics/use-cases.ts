import { read, subject } from '../use-cases/define';
import { readMeasures } from './kept-measures';
import { MeasuresInputSchema } from './measure-input';

/** Measures of joined-up care: counts only, never a person. */
export const metricsUseCases = {
  compute: read({
    name: 'metrics.compute',
    permission: 'metrics.view',
    subject: subject.role,
    input: MeasuresInputSchema,
    run: async (c) => await readMeasures(c.db, c.actor, c.input),
  }),
};
