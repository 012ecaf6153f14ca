import { z } from 'zod';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { auditLog, breakGlassGrants, organisations, patients, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { describeAction } from '../audit/action-words';
import { CursorSchema, encodeCursor, pageOf, afterCursor } from '../keyset';

export const REVIEWS_PAGE_SIZE = 20;

export const ListAccessReviewsSchema = z.object({
  status: z.enum(['to_review', 'reviewed'], { error: 'Status: choose to review or reviewed' }).default('to_review'),
  cursor: CursorSchema.optional(),
});
export type ListAccessReviewsInput = z.infer<typeof ListAccessReviewsSchema>;

const reviewer = alias(users, 'reviewer');

/**
 * The administrator's queue of emergency access: who, whose record, the reason, and what they
 * opened under it (from the audit log), newest first. Shows the person's name only, never their
 * record: reviewers judge whether the access was justified, not the care.
 */
export async function listAccessReviews(db: Db, actor: Actor, input: ListAccessReviewsInput) {
  const conditions = [input.status === 'to_review' ? isNull(breakGlassGrants.reviewedAt) : isNotNull(breakGlassGrants.reviewedAt)];
  if (input.cursor) {
    const at = Number(input.cursor.key);
    conditions.push(afterCursor(breakGlassGrants.grantedAt, breakGlassGrants.id, { key: at, id: input.cursor.id }, 'desc'));
  }
  const rows = await db
    .select({
      id: breakGlassGrants.id,
      userId: breakGlassGrants.userId,
      patientId: breakGlassGrants.patientId,
      userName: users.name,
      role: users.role,
      organisationName: organisations.name,
      personName: patients.givenName,
      personFamilyName: patients.familyName,
      reason: breakGlassGrants.reason,
      grantedAt: breakGlassGrants.grantedAt,
      expiresAt: breakGlassGrants.expiresAt,
      reviewOutcome: breakGlassGrants.reviewOutcome,
      reviewNote: breakGlassGrants.reviewNote,
      reviewedAt: breakGlassGrants.reviewedAt,
      reviewedByName: reviewer.name,
    })
    .from(breakGlassGrants)
    .innerJoin(users, eq(breakGlassGrants.userId, users.id))
    .leftJoin(organisations, eq(users.organisationId, organisations.id))
    .innerJoin(patients, eq(breakGlassGrants.patientId, patients.id))
    .leftJoin(reviewer, eq(breakGlassGrants.reviewedByUserId, reviewer.id))
    .where(and(...conditions))
    .orderBy(desc(breakGlassGrants.grantedAt), desc(breakGlassGrants.id))
    .limit(REVIEWS_PAGE_SIZE + 1)
    .all();
  const page = pageOf(rows, REVIEWS_PAGE_SIZE, (r) => encodeCursor(r.grantedAt, r.id));
  const viewed = page.items.length
    ? await db
        .select({
          userId: auditLog.userId,
          patientId: auditLog.patientId,
          at: auditLog.at,
          action: auditLog.action,
          outcome: auditLog.outcome,
        })
        .from(auditLog)
        .where(
          and(
            inArray(
              auditLog.patientId,
              page.items.map((r) => r.patientId),
            ),
            inArray(
              auditLog.userId,
              page.items.map((r) => r.userId),
            ),
            eq(auditLog.rule, 'break_glass'),
            gte(auditLog.at, Math.min(...page.items.map((r) => r.grantedAt))),
            lte(auditLog.at, Math.max(...page.items.map((r) => r.expiresAt))),
          ),
        )
        .orderBy(asc(auditLog.at))
        .all()
    : [];
  // Looking at the queue shows people's names: that is itself recorded against each person.
  actor.access?.audit?.people([...new Set(page.items.map((r) => r.patientId))]);
  return {
    items: page.items.map(({ personFamilyName, ...r }) => ({
      ...r,
      personName: `${r.personName} ${personFamilyName}`,
      viewed: viewed
        .filter((v) => v.userId === r.userId && v.patientId === r.patientId && v.at >= r.grantedAt && v.at <= r.expiresAt)
        .map((v) => ({ at: v.at, what: describeAction(v.action) })),
    })),
    nextCursor: page.nextCursor,
  };
}
