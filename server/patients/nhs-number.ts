// No zod here: pages' client code formats NHS numbers with this module, and a schema would send all
// of zod to the browser (#18). The field's schema is in nhs-number-schema.ts.

/** Removes the spaces and dashes people type in NHS numbers (e.g. "943 476 5919"). */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/**
 * The modulus-11 check of an NHS number: weights 10..2 on the first nine digits; the check digit
 * is 11 minus the remainder (11 becomes 0; 10 means the number can never be valid).
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = normaliseNhsNumber(value);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** "9434765919" → "943 476 5919", as the NHS displays it. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
