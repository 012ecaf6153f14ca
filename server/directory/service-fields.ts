import { z } from 'zod';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../db/schema';
import { freeText, requiredText } from '../validation';

export { SERVICE_CATEGORIES };

export const CATEGORY_LABELS: Record<ServiceCategory, string> = {
  adult_social_care: 'Adult social care',
  housing: 'Housing',
  voluntary_community: 'Voluntary and community',
  community_health: 'Community health',
  mental_health: 'Mental health',
  carers_support: 'Carers’ support',
  navigator_team: 'Care navigator team',
};

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: `Enter ${label.toLowerCase()} as a number` })
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be ${max} or less`),
  );

/** Everything an administrator sets on a service. */
export const ServiceFields = {
  name: requiredText('Name', 200, 'Enter the service’s name'),
  providerName: requiredText('Provider', 200, 'Enter who provides the service'),
  organisationId: z.union([z.literal(''), z.uuid()], { error: 'Choose an organisation from the list' }).default(''),
  category: z.enum(SERVICE_CATEGORIES, { error: 'Choose a category' }),
  area: freeText('Area', 200).default(''),
  description: freeText('Description', 2000).default(''),
  eligibility: freeText('Eligibility', 1000).default(''),
  contact: freeText('How to contact', 500).default(''),
  targetUrgentHours: wholeNumber('Urgent target (hours)', 1, 72).default(4),
  targetSoonWorkingDays: wholeNumber('Soon target (working days)', 1, 20).default(2),
  targetRoutineWorkingDays: wholeNumber('Routine target (working days)', 1, 60).default(10),
};
export const ServiceFieldsSchema = z.object(ServiceFields);
export type ServiceFieldsInput = z.infer<typeof ServiceFieldsSchema>;
