import type { Db } from '../../db/client';
import type { Actor } from './actor';
import { loadPatientFacts } from './load-patient-facts';
import type { Permission } from './permissions';
import { decidePatientAccess, type AccessDecision, type PatientFacts } from './policy';

export type RowOptions<T> = {
  /** The person each row is about (default: the row's own id, for lists of people). */
  patientIdOf?: (row: T) => string;
  /** Facts about the row itself, e.g. whether the actor flagged this discharge. */
  rowFacts?: (row: T) => Partial<PatientFacts>;
};

/**
 * Marks each row with whether `actor` may `permission` the person it is about, in the order given.
 * Lists (search, caseload, worklists) use this so that one policy decides every row, not a second
 * copy of the rules in SQL.
 */
export async function markAccessible<T extends { id: string }>(
  db: Pick<Db, 'select'>,
  actor: Actor,
  rows: T[],
  permission: Permission,
  options: RowOptions<T> = {},
): Promise<(T & { canOpen: boolean })[]> {
  const decisions = await decideRows(db, actor, rows, permission, options);
  return rows.map((row, i) => ({ ...row, canOpen: decisions[i]?.allowed === true }));
}

/**
 * The policy's decision on each row's person, in the order given: null when the person does not
 * exist (any more). For lists that record refusals as well as leave them out (server/policy-page.ts).
 */
export async function decideRows<T extends { id: string }>(
  db: Pick<Db, 'select'>,
  actor: Actor,
  rows: T[],
  permission: Permission,
  { patientIdOf = (row) => row.id, rowFacts }: RowOptions<T> = {},
): Promise<(AccessDecision | null)[]> {
  const facts = await loadPatientFacts(db, actor, [...new Set(rows.map(patientIdOf))]);
  return rows.map((row) => {
    const f = facts.get(patientIdOf(row));
    return f === undefined ? null : decidePatientAccess(actor, { ...f, ...rowFacts?.(row) }, permission);
  });
}

/** Keeps only the rows whose person `actor` may `permission`, in the order given. */
export async function filterAccessible<T extends { id: string }>(
  db: Pick<Db, 'select'>,
  actor: Actor,
  rows: T[],
  permission: Permission,
  options: RowOptions<T> = {},
): Promise<T[]> {
  const marked = await markAccessible(db, actor, rows, permission, options);
  return rows.filter((_row, i) => marked[i]?.canOpen);
}
