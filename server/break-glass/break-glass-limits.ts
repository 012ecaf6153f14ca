import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ROLES, breakGlassGrants, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { can } from '../access/permissions';
import { env } from '../env';
import { notify } from '../notifications/notify';

type Tx = Pick<Db, 'insert' | 'select'>;

/** The emergency-access rules (#16 finding 20): when to alert the reviewers and when to refuse. */
export function breakGlassLimits() {
  const e = env();
  return {
    alertAfter: e.CARENAV_BREAK_GLASS_ALERT_AFTER,
    max: e.CARENAV_BREAK_GLASS_MAX,
    windowMs: e.CARENAV_BREAK_GLASS_WINDOW_MINUTES * 60_000,
    windowWords: windowWords(e.CARENAV_BREAK_GLASS_WINDOW_MINUTES),
  };
}

function windowWords(minutes: number): string {
  if (minutes === 60) return 'the last hour';
  if (minutes % 60 === 0) return `the last ${minutes / 60} hours`;
  return `the last ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** How many distinct records `userId` broke glass on in the window ending at `now`. */
export async function recentBreakGlassRecords(tx: Pick<Db, 'select'>, userId: string, now: number): Promise<number> {
  const { windowMs } = breakGlassLimits();
  const rows = await tx
    .select({ patientId: breakGlassGrants.patientId })
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), gt(breakGlassGrants.grantedAt, now - windowMs)))
    .all();
  return new Set(rows.map((r) => r.patientId)).size;
}

/**
 * How many distinct records `userId` holds emergency access to right now (grants last hours, longer
 * than the window): the ceiling applies to these too, or a steady pace would add up to many at once.
 */
export async function activeBreakGlassRecords(tx: Pick<Db, 'select'>, userId: string, now: number): Promise<number> {
  const rows = await tx
    .select({ patientId: breakGlassGrants.patientId })
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), gt(breakGlassGrants.expiresAt, now)))
    .all();
  return new Set(rows.map((r) => r.patientId)).size;
}

/**
 * After a grant: when it makes `records` reach exactly alertAfter in the window, tells the access
 * reviewers. Counting up to the threshold (never past it) is what makes it once per window without
 * keeping any state; the grant's own audit row says which record. The notice names the staff member
 * and the count only, never a person whose record was opened.
 */
export async function alertReviewersIfNeeded(tx: Tx, actor: Actor, records: number, now: number): Promise<void> {
  const { alertAfter, windowWords: words } = breakGlassLimits();
  if (records !== alertAfter) return;
  await notify(
    tx,
    await accessReviewers(tx, actor),
    {
      kind: 'break_glass_alert',
      title: `${actor.name} has used emergency access on ${records} records in ${words}: review their access`,
      body: 'Check with them, or their manager, that each emergency access was needed. Each is in the emergency access reviews.',
      link: '/admin/access-reviews',
      // About a member of staff, not a person receiving care: nothing personal to withhold.
      about: null,
    },
    now,
  );
}

/**
 * Who reviews `actor`'s emergency access: the active users with access.review in their organisation,
 * or, when it has none, every reviewer, so an alert never goes nowhere (the review queue is shared).
 */
async function accessReviewers(tx: Pick<Db, 'select'>, actor: Actor): Promise<string[]> {
  const reviewerRoles = ROLES.filter((r) => can(r, 'access.review'));
  const all = (
    await tx
      .select({ id: users.id, active: users.active, organisationId: users.organisationId })
      .from(users)
      .where(inArray(users.role, reviewerRoles))
      .all()
  ).filter((u) => u.active && u.id !== actor.userId);
  const own = all.filter((u) => actor.organisationId && u.organisationId === actor.organisationId);
  return (own.length ? own : all).map((u) => u.id);
}
