import { WITHHELD_FROM_LIST } from '../policy-page';
import { z } from 'zod';
import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, organisations, users, type AuditOutcome, type OrganisationKind, type Role } from '../../db/schema';
import { CursorSchema, encodeCursor, pageOf, afterCursor } from '../keyset';
import { describeAction } from './action-words';

export const ACCESS_LOG_PAGE_SIZE = 25;

export const ListAccessLogSchema = z.object({
  patientId: z.uuid(),
  organisationId: z.union([z.literal(''), z.uuid({ error: 'Organisation: choose an organisation from the list' })]).optional(),
  cursor: CursorSchema.optional(),
});
export type ListAccessLogInput = z.infer<typeof ListAccessLogSchema>;

export type AccessLogEntry = {
  id: string;
  at: number;
  userName: string | null;
  role: Role | null;
  organisationName: string | null;
  what: string;
  outcome: AuditOutcome;
  breakGlass: boolean;
  reason: string | null;
};

/** One person's audit rows, optionally one organisation's, after the cursor (newest first). */
function pageConditions(input: { patientId: string; organisationId?: string; cursor?: ListAccessLogInput['cursor'] }): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [
    eq(auditLog.patientId, input.patientId),
    // A list that passed the person without showing them is no attempt on their record (policy-page.ts).
    ne(auditLog.rule, WITHHELD_FROM_LIST),
  ];
  if (input.organisationId) conditions.push(eq(auditLog.organisationId, input.organisationId));
  if (input.cursor) {
    conditions.push(afterCursor(auditLog.at, auditLog.id, { key: Number(input.cursor.key), id: input.cursor.id }, 'desc'));
  }
  return conditions;
}

/**
 * The organisations that appear in a person's log, for the filter, by name. A record read for years
 * has hundreds of thousands of rows from a few dozen organisations: rather than reading every row,
 * this hops from one organisation to the next along audit_patient_org_at_idx (one index seek each).
 */
async function organisationsInLog(db: Db, patientId: string): Promise<{ id: string; name: string }[]> {
  return await db.all<{ id: string; name: string }>(sql`
    with recursive seen(id) as (
      select (select min(${auditLog.organisationId}) from ${auditLog} where ${auditLog.patientId} = ${patientId})
      union all
      select (select min(${auditLog.organisationId}) from ${auditLog}
              where ${auditLog.patientId} = ${patientId} and ${auditLog.organisationId} > seen.id)
      from seen where seen.id is not null
    )
    select ${organisations.id} as id, ${organisations.name} as name
    from seen join ${organisations} on ${organisations.id} = seen.id
    order by ${organisations.name}`);
}

/**
 * "Who has seen this record": every read and write of a person's data, and every refused attempt,
 * from the audit log, newest first, paged by keyset, optionally for one organisation.
 */
export async function listAccessLog(db: Db, input: ListAccessLogInput) {
  const conditions = pageConditions(input);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userName: users.name,
      role: auditLog.role,
      organisationName: organisations.name,
      action: auditLog.action,
      outcome: auditLog.outcome,
      rule: auditLog.rule,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.userId, users.id))
    .leftJoin(organisations, eq(auditLog.organisationId, organisations.id))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(ACCESS_LOG_PAGE_SIZE + 1)
    .all();
  const page = pageOf(rows, ACCESS_LOG_PAGE_SIZE, (r) => encodeCursor(r.at, r.id));
  const organisationsSeen = await organisationsInLog(db, input.patientId);
  return {
    items: page.items.map((r): AccessLogEntry => ({
      id: r.id,
      at: r.at,
      userName: r.userName,
      role: r.role as Role | null,
      organisationName: r.organisationName,
      what: describeAction(r.action),
      outcome: r.outcome,
      breakGlass: r.rule === 'break_glass',
      reason: r.rule === 'break_glass' ? r.reason : null,
    })),
    nextCursor: page.nextCursor,
    organisations: organisationsSeen,
  };
}

export const ListCarerAccessLogSchema = ListAccessLogSchema.pick({ patientId: true, cursor: true });
export type ListCarerAccessLogInput = z.infer<typeof ListCarerAccessLogSchema>;

export type CarerAccessLogEntry = { id: string; at: number; by: string; what: string; outcome: AuditOutcome; emergency: boolean };

const KIND_WORDS: Record<OrganisationKind, string> = {
  gp_practice: 'a GP practice',
  navigator_team: 'a care navigation team',
  hospital_trust: 'a hospital',
  adult_social_care: 'adult social care',
  housing: 'a housing service',
  voluntary: 'a voluntary service',
  community_health: 'a community health service',
};

function byWords(kind: OrganisationKind | null, role: Role | null): string {
  if (kind) return KIND_WORDS[kind];
  if (role === 'carer') return 'a family carer';
  return role === 'system' ? 'carenav (automatic)' : 'an organisation';
}

/**
 * The carer's copy of "who has seen this record": who by organisation type and when only. Carers
 * never see staff names or roles, organisation names or emergency-access reasons (clinical free
 * text), and cannot filter by organisation.
 */
export async function listCarerAccessLog(db: Db, input: ListCarerAccessLogInput) {
  const conditions = pageConditions(input);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      role: auditLog.role,
      kind: organisations.kind,
      action: auditLog.action,
      outcome: auditLog.outcome,
      rule: auditLog.rule,
    })
    .from(auditLog)
    .leftJoin(organisations, eq(auditLog.organisationId, organisations.id))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(ACCESS_LOG_PAGE_SIZE + 1)
    .all();
  const page = pageOf(rows, ACCESS_LOG_PAGE_SIZE, (r) => encodeCursor(r.at, r.id));
  return {
    items: page.items.map((r): CarerAccessLogEntry => {
      const emergency = r.rule === 'break_glass';
      const by = byWords(r.kind, r.role as Role | null);
      return {
        id: r.id,
        at: r.at,
        by: emergency ? `emergency access by ${by}` : by,
        what: describeAction(r.action),
        outcome: r.outcome,
        emergency,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
