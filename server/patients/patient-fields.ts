import { z } from 'zod';
import { RISK_LEVELS } from '../../db/schema';
import { freeText, lineList } from '../validation';

/** Fields shared by creating and editing a record, with the message each shows at its field. */
export const PatientDetailFields = {
  riskLevel: z.enum(RISK_LEVELS, { error: 'Choose a risk level: low, medium or high' }),
  conditions: lineList('Long-term conditions', 30, 120),
  communicationNeeds: freeText('Communication needs', 1000),
  homeAccessNotes: freeText('Home access', 1000),
  aboutWhatMatters: freeText('What matters to me', 2000),
  aboutStrengths: freeText('My strengths', 2000),
  aboutEveryoneShouldKnow: freeText('What everyone should know', 2000),
  nextAction: freeText('Next action', 300),
  address: freeText('Address', 300),
  postcode: freeText('Postcode', 10).refine(
    (v) => v === '' || /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/.test(v),
    'Postcode must be a UK postcode, like LS1 4AP',
  ),
  phone: freeText('Phone number', 30).refine(
    (v) => v === '' || /^[+\d][\d\s()-]{5,}$/.test(v),
    'Phone number must contain only digits, spaces and +',
  ),
};

export { searchNameOf } from '../../db/schema';
