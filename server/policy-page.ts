import { z } from 'zod';
import type { Db } from '../db/client';
import type { Actor } from './access/actor';
import { decideRows, type RowOptions } from './access/filter-accessible';
import type { Permission } from './access/permissions';
import { Invalid } from './errors';
import { openCursor, sealCursor, SEALED_CURSOR } from './sealed-cursor';

/**
 * One page of a list whose rows the access policy decides one by one (the caseload, tasks,
 * discharges, referrals, the MDT worklist), and the sealed cursor for the next page.
 *
 * The rows are read in the list's order, by keyset, and the policy decides each. Those it refuses
 * are left out and their refusal goes to the executor (`actor.access.audit.refused`), as the
 * people shown go as `people`: nothing here writes an audit row. A page is filled with rows the
 * user may see, reading on (at most PAGE_BATCHES reads of a page each) past rows they may not.
 *
 * The cursor is made from the last row shown, so it names a row the user can see, and it is
 * sealed (server/sealed-cursor.ts: AES-GCM keyed from NEXTAUTH_SECRET) so that the address holds
 * neither id nor sort key (a due time, a rank made of a person's risk) in a form anyone can read or
 * edit. Only when a page's reads are used up with no row to show beyond them does the cursor name
 * the last row read, which may be one the user may not see: sealed, it cannot be read, and it is
 * what lets paging move past a run of hidden rows instead of starting at the same place again.
 * The cursor is bound to its list (and view or order) and to the user, and lives CURSOR_LIFETIME_MS.
 */

/**
 * The rule of the audit row for a person a list passed and did not show (the policy's own rule is
 * its reason). Kept in the audit log for review, but not an attempt anyone made on the person: the
 * person's and carers' "who has seen this record" leave these rows out (server/audit/list-access-log.ts).
 */
export const WITHHELD_FROM_LIST = 'withheld_from_list';

/** A page is filled in at most this many reads, each at most this many pages' worth of rows. */
export const PAGE_BATCHES = 4;

/** A cursor is good for this long after the list's first page (then the list is read from the top again). */
export const CURSOR_LIFETIME_MS = 12 * 3_600_000;

export const PAGE_CURSOR_MESSAGES = {
  badFormat: 'Page: go back to the top of the list',
  notFound: 'Page: this page of the list cannot be found. Go back to the top of the list',
  expired: 'Page: the list has changed since this page. Go back to the top of the list',
} as const;

/** A cursor in a list's input: only its shape is checked here; the list opens it (`policyPage`). */
export const SealedCursorSchema = z.string({ error: PAGE_CURSOR_MESSAGES.badFormat }).regex(SEALED_CURSOR, PAGE_CURSOR_MESSAGES.badFormat);

export type PageKey = string | number;
export type PageAfter = { key: PageKey; id: string };

export type PolicyPageSpec<T extends { id: string }> = RowOptions<T> & {
  /** The list, with its view or order (e.g. `caseload:team:risk`): a cursor works on this list only. */
  list: string;
  /** The input field the cursor came in (for its message). */
  field: string;
  /** The sealed cursor from the input, if any. */
  cursor?: string | undefined;
  /** How many rows a page shows. */
  limit: number;
  now: number;
  /**
   * Up to `count` rows after `after` (from the start when null), in the list's order. `at` is the
   * moment of the list's first page, for lists that rank every page at that moment (the MDT worklist).
   */
  fetch: (after: PageAfter | null, count: number, at: number) => Promise<T[]>;
  /** The row's sort key in the list's order (the id breaks ties). */
  keyOf: (row: T) => PageKey;
  permission: Permission;
};

/** The rows shown (in order), the sealed cursor for the next page, and the moment of the first page. */
export async function policyPage<T extends { id: string }>(
  db: Pick<Db, 'select'>,
  actor: Actor,
  spec: PolicyPageSpec<T>,
): Promise<{ items: T[]; nextCursor: string | null; at: number }> {
  const opened = spec.cursor ? openPageCursor(actor, spec) : null;
  const at = opened?.at ?? spec.now;
  const patientIdOf = spec.patientIdOf ?? ((row: T) => row.id);
  const shown: T[] = [];
  // Rows the policy refused that the page has passed: each is recorded once, on the page that passes it.
  const refused: { patientId: string; rule: string }[] = [];
  // Refused rows read after a full page: recorded only if no page follows (else the next page reads them again).
  const beyond: { patientId: string; rule: string }[] = [];
  let last: T | null = null;
  let after: PageAfter | null = opened && { key: opened.key, id: opened.id };
  let end = false;
  let more = false;
  // The first read asks for a page (and one more, to know whether there is a next); a later one for
  // as many rows as the page still needs at the share of rows shown so far (at most PAGE_BATCHES
  // pages' worth), so that a list the user may see little of is read in a few large reads.
  let count = spec.limit + 1;
  let read = 0;
  read: for (let batch = 0; batch < PAGE_BATCHES; batch++) {
    const rows = await spec.fetch(after, count, at);
    read += rows.length;
    end = rows.length < count;
    const decisions = await decideRows(db, actor, rows, spec.permission, spec);
    for (const [i, row] of rows.entries()) {
      const decision = decisions[i];
      const allowed = decision?.allowed === true;
      const refusal = { patientId: patientIdOf(row), rule: decision?.rule ?? 'not_found' };
      if (shown.length === spec.limit) {
        if (allowed) {
          more = true;
          break read;
        }
        beyond.push(refusal);
        continue;
      }
      if (allowed) shown.push(row);
      else refused.push(refusal);
      last = row;
    }
    const lastRead = rows.at(-1);
    if (end || !lastRead) break;
    after = { key: spec.keyOf(lastRead), id: lastRead.id };
    const share = Math.max(shown.length / read, 1 / PAGE_BATCHES);
    count = Math.min(PAGE_BATCHES * spec.limit, Math.max(spec.limit + 1, Math.ceil((spec.limit - shown.length + 1) / share)));
  }
  // No row to show beyond this page: the refused rows read past it are passed too.
  if (end && !more) refused.push(...beyond);
  const next = (more || !end) && last ? last : null;
  const audit = actor.access?.audit;
  const seen = new Set<string>();
  for (const r of refused) {
    const once = `${r.patientId}\0${r.rule}`;
    if (seen.has(once)) continue;
    seen.add(once);
    audit?.refused(r.patientId, WITHHELD_FROM_LIST, r.rule);
  }
  audit?.people([...new Set(shown.map(patientIdOf))]);
  return {
    items: shown,
    nextCursor: next && sealCursor({ l: spec.list, u: actor.userId, k: spec.keyOf(next), i: next.id, t: at }),
    at,
  };
}

/** The cursor's row and first-page moment, or a message at the cursor's field when it is not this list's, this user's, or is too old. */
function openPageCursor(actor: Actor, spec: Pick<PolicyPageSpec<{ id: string }>, 'cursor' | 'list' | 'field' | 'now'>) {
  const value = spec.cursor ? openCursor(spec.cursor) : null;
  const key = value?.k;
  const id = value?.i;
  const at = value?.t;
  if (
    !value ||
    value.l !== spec.list ||
    value.u !== actor.userId ||
    (typeof key !== 'number' && typeof key !== 'string') ||
    typeof id !== 'string' ||
    typeof at !== 'number'
  )
    throw new Invalid(spec.field, PAGE_CURSOR_MESSAGES.notFound);
  if (at < spec.now - CURSOR_LIFETIME_MS || at > spec.now + 60_000) throw new Invalid(spec.field, PAGE_CURSOR_MESSAGES.expired);
  return { key, id, at };
}
