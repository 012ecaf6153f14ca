import type { Db } from '../../db/client';
import type { Actor } from './actor';
import { loadPatientFacts } from './load-patient-facts';
import type { Permission } from './permissions';
import { decidePatientAccess } from './policy';

/**
 * Marks each person with whether `actor` may `permission` them, in the order given. Lists (search,
 * caseload) use this so that one policy decides every row, not a second copy of the rules in SQL.
 */
export function markAccessible<T extends { id: string }>(
  db: Pick<Db, 'select'>,
  actor: Actor,
  rows: T[],
  permission: Permission,
): (T & { canOpen: boolean })[] {
  const facts = loadPatientFacts(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const f = facts.get(row.id);
    return { ...row, canOpen: f !== undefined && decidePatientAccess(actor, f, permission).allowed };
  });
}

/** Keeps only the people `actor` may `permission`, in the order given. */
export function filterAccessible<T extends { id: string }>(
  db: Pick<Db, 'select'>,
  actor: Actor,
  rows: T[],
  permission: Permission,
): T[] {
  const marked = markAccessible(db, actor, rows, permission);
  return rows.filter((_row, i) => marked[i]?.canOpen);
}
