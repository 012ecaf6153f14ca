import type { Actor } from '../access/actor';

/**
 * The one answer when an NHS number and date of birth do not identify anyone: the same whether the
 * NHS number is unknown or its date of birth differs, so no answer confirms an NHS number or
 * narrows a date of birth down.
 */
export const NO_IDENTITY_MATCH = 'No record matches this NHS number and date of birth: check both';

/**
 * Audits a look-up by NHS number and date of birth that matched nobody, as denied: against the
 * person whose NHS number it was (so "who has seen this record" shows someone guessing their date
 * of birth), or against no one when the NHS number is unknown.
 */
export function auditFailedIdentityLookUp(actor: Actor, patientId: string | null): void {
  actor.access?.audit?.refused(patientId, 'identity_not_matched');
}
