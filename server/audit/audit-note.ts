/**
 * What a use case tells the executor about the audit row(s) of its call; the executor writes them
 * (server/use-cases/execute.ts), so no use case writes an audit row itself.
 */
export type AuditNote = {
  /** Detail for the row (e.g. an account change: whose, which role, old → new). */
  detail(text: string): void;
  /** The rule that allowed it, when the use case itself decided (emergency access, a confirmed identity). */
  rule(rule: string): void;
  /** People this call returned or changed besides its subject: one row each. */
  people(patientIds: readonly string[]): void;
  /** A look-up refused on one person inside the use case (an NHS number whose date of birth did not match). */
  refused(patientId: string | null, rule: string, reason?: string): void;
};
