import { z } from 'zod';
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ROLES, auditLog, organisations, users, type Role } from '../../db/schema';
import type { Actor } from '../access/actor';
import { can } from '../access/permissions';
import { needsSecondLook } from './announce-clinical-account';

/** How far back the review list goes. */
export const CLINICAL_REVIEW_DAYS = 30;
/** At most this many changes are listed (the newest): 30 days of account changes is far fewer. */
export const CLINICAL_REVIEW_LIMIT = 200;
export const REVIEW_ACTION = 'admin.reviewClinicalAccount';
const CHANGE_ACTIONS = ['admin.createUser', 'admin.updateUser'];

export const ListClinicalAccountChangesSchema = z.object({}).default({});
export type ListClinicalAccountChangesInput = z.infer<typeof ListClinicalAccountChangesSchema>;

export type ClinicalAccountChange = {
  /** The audit row of the change: what a review points at. */
  id: string;
  kind: 'created' | 'raised';
  at: number;
  accountId: string;
  accountName: string | null;
  role: Role;
  previousRole: Role | null;
  organisationId: string | null;
  organisationName: string | null;
  byUserId: string;
  byName: string | null;
  reviewedAt: number | null;
  reviewedByName: string | null;
  /** Whether the caller may mark it reviewed: not reviewed yet, and not their own change. */
  mayReview: boolean;
};

/** Reads the `user=… role=a→b organisation=…` line describeAccountChange writes into an audit row's reason. */
export function parseAccountChange(reason: string | null) {
  const fields = new Map((reason ?? '').split(' ').map((part) => part.split('=', 2) as [string, string | undefined]));
  const [before, after] = (fields.get('role') ?? '').split('→');
  const role = (after ?? before) as Role;
  return {
    accountId: fields.get('user') ?? null,
    role: ROLES.includes(role) ? role : null,
    previousRole: after !== undefined && ROLES.includes(before as Role) ? (before as Role) : null,
    organisationId: (fields.get('organisation') ?? '').split('→').at(-1) || null,
  };
}

/**
 * Accounts created with, or raised to, a clinical role in the last 30 days that concern the caller's
 * organisation (made by one of its administrators, or in it), newest first, with who did it and
 * whether another administrator has reviewed it (#16 finding 5). Read from the audit rows the
 * changes wrote, so there is nothing to keep in step. Staff names only, never a person's record.
 */
export async function listClinicalAccountChanges(
  db: Pick<Db, 'select'>,
  actor: Actor,
  _input: ListClinicalAccountChangesInput = {},
  now = Date.now(),
): Promise<ClinicalAccountChange[]> {
  const since = now - CLINICAL_REVIEW_DAYS * 86_400_000;
  const managers = await currentManagers(db);
  const rows = await managersGrantedRows(db, managers, CHANGE_ACTIONS, since);
  const changes = rows.flatMap((row) => {
    const parsed = parseAccountChange(row.reason);
    if (!parsed.accountId || !parsed.role || !needsSecondLook(parsed.previousRole, parsed.role)) return [];
    // Only what was announced: a new clinical or administrator account, or one raised to either (clinical to clinical is not new access).
    if (parsed.previousRole === parsed.role) return [];
    // Of the account changes, only a change of role (not deactivation or reactivation).
    if (row.action === 'admin.updateUser' && !parsed.previousRole) return [];
    // An administrator with no organisation oversees every organisation; otherwise their own.
    const mine = !actor.organisationId || row.actorOrg === actor.organisationId || parsed.organisationId === actor.organisationId;
    if (!mine) return [];
    return [{ row, ...parsed, accountId: parsed.accountId, role: parsed.role }];
  });
  const listed = changes.slice(0, CLINICAL_REVIEW_LIMIT);
  if (listed.length === 0) return [];

  const reviews = await reviewsOf(
    db,
    listed.map((c) => c.row.id),
    since,
    managers,
  );
  const names = new Map(
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(
          inArray(users.id, [
            ...new Set(listed.flatMap((c) => [c.accountId, c.row.userId ?? '', ...[...reviews.values()].map((r) => r.by)])),
          ]),
        )
        .all()
    ).map((u) => [u.id, u.name]),
  );
  const orgIds = [...new Set(listed.map((c) => c.organisationId).filter((o): o is string => !!o))];
  const orgNames = new Map(
    orgIds.length
      ? (
          await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, orgIds))
            .all()
        ).map((o) => [o.id, o.name])
      : [],
  );
  return listed.map(({ row, accountId, role, previousRole, organisationId }) => {
    const review = reviews.get(row.id);
    return {
      id: row.id,
      kind: previousRole ? 'raised' : 'created',
      at: row.at,
      accountId,
      accountName: names.get(accountId) ?? null,
      role,
      previousRole,
      organisationId,
      organisationName: organisationId ? (orgNames.get(organisationId) ?? null) : null,
      byUserId: row.userId ?? '',
      byName: names.get(row.userId ?? '') ?? null,
      reviewedAt: review?.at ?? null,
      reviewedByName: review ? (names.get(review.by) ?? null) : null,
      mayReview: !review && row.userId !== actor.userId,
    };
  });
}

/** The review of each change (an audit row whose reason starts `change=<id>`), by change id. */
export async function reviewsOf(
  db: Pick<Db, 'select'>,
  changeIds: string[],
  since: number,
  known?: Awaited<ReturnType<typeof currentManagers>>,
): Promise<Map<string, { at: number; by: string }>> {
  const managers = known ?? (await currentManagers(db));
  const wanted = new Set(changeIds);
  const rows = await managersGrantedRows(db, managers, [REVIEW_ACTION], since);
  const found = new Map<string, { at: number; by: string }>();
  for (const r of rows) {
    const id = /^change=(\S+)/.exec(r.reason ?? '')?.[1];
    if (id && wanted.has(id) && !found.has(id)) found.set(id, { at: r.at, by: r.userId ?? '' });
  }
  return found;
}

/**
 * Only administrators make and review these changes: asking by their ids uses the audit log's
 * (user, at) index instead of reading the whole log. (An administrator since given another role
 * drops out: their changes and reviews in the last 30 days are no longer listed.)
 */
/** Granted audit rows of these actions written by current administrators since `since`, newest first. */
async function managersGrantedRows(db: Pick<Db, 'select'>, managers: { id: string }[], actions: string[], since: number) {
  if (managers.length === 0) return [];
  return await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      userId: auditLog.userId,
      actorOrg: auditLog.organisationId,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .where(
      and(
        inArray(
          auditLog.userId,
          managers.map((m) => m.id),
        ),
        gte(auditLog.at, since),
        inArray(auditLog.action, actions),
        eq(auditLog.outcome, 'granted'),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .all();
}

async function currentManagers(db: Pick<Db, 'select'>) {
  const managerRoles = ROLES.filter((r) => can(r, 'admin.manage'));
  return await db.select({ id: users.id }).from(users).where(inArray(users.role, managerRoles)).all();
}
