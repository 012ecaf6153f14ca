import { z } from 'zod';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number';

/** An NHS number as typed: spaces and dashes removed, then 10 digits passing the modulus-11 check. */
export const NhsNumberSchema = z
  .string({ error: 'Enter the NHS number' })
  .transform(normaliseNhsNumber)
  .refine((v) => v.length > 0, 'Enter the NHS number')
  .refine((v) => /^\d{10}$/.test(v), 'NHS number must be 10 digits')
  .refine(isValidNhsNumber, 'NHS number is not valid: check the digits');
