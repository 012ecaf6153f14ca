import { z } from 'zod';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { patients, tasks, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { filterAccessible } from '../access/filter-accessible';
import { auditListRead } from '../audit/write-audit';

export const ListCaseloadSchema = z.object({
  scope: z.enum(['mine', 'team'], { error: 'Choose whose caseload: mine or my team’s' }).default('mine'),
  sort: z.enum(['risk', 'lastContact'], { error: 'Sort by risk or by last contact' }).default('risk'),
});
export type ListCaseloadInput = z.infer<typeof ListCaseloadSchema>;

export const CASELOAD_LIMIT = 500;

const riskRank = sql<number>`case ${patients.riskLevel} when 'high' then 0 when 'medium' then 1 else 2 end`;

/**
 * The navigator's caseload: people whose named contact is me, or everyone on my team's caseload.
 * Sorted by risk (highest first) or by last contact (longest ago, and never, first).
 */
export function listCaseload(db: Db, actor: Actor, input: ListCaseloadInput, now = Date.now()) {
  const scope =
    input.scope === 'mine'
      ? eq(patients.namedContactUserId, actor.userId)
      : eq(patients.caseloadOrganisationId, actor.organisationId ?? '');
  const lastContactFirst = asc(sql`coalesce(${patients.lastContactAt}, 0)`);
  const rows = db
    .select({
      id: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      dateOfBirth: patients.dateOfBirth,
      riskLevel: patients.riskLevel,
      lastContactAt: patients.lastContactAt,
      nextAction: patients.nextAction,
      namedContactName: users.name,
      openTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.patientId} = ${patients.id} and ${tasks.status} in ('open', 'in_progress'))`,
      // Overdue work is flagged here the moment it is late; the named contact is also notified once (escalateOverdueTasks).
      overdueTasks: sql<number>`(select count(*) from ${tasks} where ${tasks.patientId} = ${patients.id} and ${tasks.status} in ('open', 'in_progress') and ${tasks.dueAt} < ${now})`,
    })
    .from(patients)
    .leftJoin(users, eq(patients.namedContactUserId, users.id))
    .where(and(scope, eq(patients.status, 'active')))
    .orderBy(...(input.sort === 'risk' ? [riskRank, lastContactFirst] : [lastContactFirst, riskRank]), desc(patients.id))
    .limit(CASELOAD_LIMIT + 1)
    .all();
  const visible = filterAccessible(db, actor, rows.slice(0, CASELOAD_LIMIT), 'patient.read');
  auditListRead(db, actor, 'patients.caseload', visible.map((r) => r.id), 'caseload');
  return { rows: visible, truncated: rows.length > CASELOAD_LIMIT };
}
