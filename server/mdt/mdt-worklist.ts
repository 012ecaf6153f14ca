import { z } from 'zod';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { indexedBy, keepSubqueryApart } from '../../db/engine-sql';
import { mdtChosen, ORGANISATION_SECTORS } from '../../db/schema';
import { listNavigators } from '../patients/list-options';
import { teamMeeting } from './team-meeting';
import type { Actor } from '../access/actor';
import { policyPage, SealedCursorSchema } from '../policy-page';
import { IdSchema } from '../validation';
import { Invalid } from '../errors';
import { UNFINISHED } from '../tasks/task-fields';

const DAY = 86_400_000;

/** Why someone is on the MDT list, in the words shown beside them. */
export const MDT_REASONS = {
  highRisk: 'High risk',
  overdueTasks: 'Overdue tasks',
  declinedReferral: 'Referral declined in the last 30 days',
  overdueReferral: 'Referral past its response time',
  recentlyHome: 'Home from hospital in the last 7 days',
  noContact: 'No contact in 30 days',
} as const;
export type MdtReason = keyof typeof MDT_REASONS;
export const MDT_REASON_KEYS = Object.keys(MDT_REASONS) as [MdtReason, ...MdtReason[]];

/** A weekly meeting discusses the first of these; the next page is one click away. */
export const MDT_PAGE_SIZE = 25;

/** The sectors a care team can include, for the sector filter. */
export const MDT_SECTORS = ORGANISATION_SECTORS;

/**
 * Each sector's bit in `patients.mdt_care_team_sectors`, kept by the triggers of
 * drizzle/0020_mdt_signals.sql (which spell out the same bits).
 */
export const MDT_SECTOR_BITS: Record<(typeof MDT_SECTORS)[number], number> = {
  primary: 1,
  secondary: 2,
  social: 4,
  housing: 8,
  voluntary: 16,
  community: 32,
};

export const MdtWorklistSchema = z
  .object({
    reason: z.enum(MDT_REASON_KEYS, { error: 'Reason: choose one from the list' }).optional(),
    namedContactUserId: IdSchema('Named contact').optional(),
    sector: z.enum(MDT_SECTORS, { error: 'Sector: choose one from the list' }).optional(),
    /** Sealed by the server (server/policy-page.ts): the rank is made of a person's risk and last contact. */
    after: SealedCursorSchema.optional(),
    /** Choosing people for this meeting of the actor's team: the page says who is already chosen. */
    meetingId: IdSchema('Meeting').optional(),
  })
  // No input is the whole list's first page.
  .default({});
export type MdtWorklistInput = z.infer<typeof MdtWorklistSchema>;

export type MdtWorklistRow = {
  id: string;
  name: string;
  lastContactAt: number | null;
  namedContactUserId: string | null;
  /** Already chosen for the meeting being prepared (when one is). */
  chosen?: boolean;
  reasons: { reason: MdtReason; words: string }[];
};

/**
 * The people on the actor's team caseload who need discussing at the weekly MDT meeting, ranked:
 * most reasons first, then highest risk, then longest without contact. A reason is high risk,
 * overdue tasks, a referral declined in 30 days or past its response time, home from hospital in
 * the last 7 days, or no contact in 30 days. Filtered by one reason, the named contact, or a sector
 * on the person's care team; paged by keyset on the rank (server/policy-page.ts, as the other
 * worklists). The people read are checked by the policy: those it refuses are left out and audited as
 * refused. Every page is ranked at the moment of the first (carried, sealed, in the cursor; a later
 * page older than CURSOR_LIFETIME_MS starts again), so nobody crossing a line between pages (30 days
 * without contact, a task falling due) is skipped or shown twice.
 */
export async function mdtWorklist(db: Db, actor: Actor, input: MdtWorklistInput = {}, now = Date.now(), first = MDT_PAGE_SIZE) {
  const meeting = input.meetingId ? await teamMeeting(db, actor, input.meetingId) : null;
  const namedContacts = await listNavigators(db, actor.organisationId ?? '');
  // Only the team's own navigators are offered: anyone else's id is a value not on the list.
  if (input.namedContactUserId && !namedContacts.some((c) => c.id === input.namedContactUserId))
    throw new Invalid('namedContactUserId', 'Named contact: choose someone on your team');
  const filters: SQL[] = [sql`p.caseload_organisation_id = ${actor.organisationId ?? ''} and p.status = 'active'`];
  if (input.namedContactUserId) filters.push(sql`p.named_contact_user_id = ${input.namedContactUserId}`);
  if (input.sector) filters.push(sql`(p.mdt_care_team_sectors & ${MDT_SECTOR_BITS[input.sector]}) != 0`);
  // The rank is a number, smallest first: (6 − reasons) × 3 + risk rank, with the last contact
  // (none = 0, so the longest without contact comes first) below it, as the caseload's keys are.
  // Read from patients_mdt_idx alone; names and counts are fetched for the page's people only.
  const page = await policyPage<{ id: string; rank: number }>(db, actor, {
    list: 'mdt',
    field: 'after',
    cursor: input.after,
    limit: first,
    now,
    permission: 'mdt.work',
    keyOf: (r) => r.rank,
    fetch: async (cursor, count, at) => {
      const flags = reasonFlags(at);
      // Each person's reasons are counted once, in the inner query, kept apart so that the engine does
      // not fold it into the outer ones, which would count them again for the rank and the filter.
      return await db.all(sql`
        select id, rank from (
          select id, ((6 - reasons) * 3 + (case risk_level when 'high' then 0 when 'medium' then 1 else 2 end)) * 10000000000000
              + coalesce(last_contact_at, 0) as rank
          from (
            select p.id, p.risk_level, p.last_contact_at, (${sql.join(Object.values(flags), sql` + `)}) as reasons,
              ${input.reason ? flags[input.reason] : sql`1`} as wanted
            from patients p ${indexedBy('patients_mdt_idx')}
            where ${sql.join(filters, sql` and `)}
            ${keepSubqueryApart()}
          ) as counted
          where reasons > 0 and wanted = 1
        ) as ranked
        where ${cursor ? sql`(rank, id) > (${Number(cursor.key)}, ${cursor.id})` : sql`1 = 1`}
        order by rank, id
        limit ${count}`);
    },
  });
  // Every page is described at the moment of the first, as it was ranked.
  const reasons = await reasonRows(
    db,
    page.items.map((r) => r.id),
    page.at,
  );
  const visible = page.items.flatMap((r) => reasons.get(r.id) ?? []);
  const chosen = meeting
    ? await chosenAmong(
        db,
        meeting.id,
        visible.map((r) => r.id),
      )
    : new Set<string>();
  return {
    rows: visible.map((r) => ({ ...r, chosen: chosen.has(r.id) })),
    nextCursor: page.nextCursor,
    meeting: meeting && { id: meeting.id, heldOn: meeting.heldOn },
    /** The team's navigators, for the named contact filter. */
    namedContacts,
  };
}

async function chosenAmong(db: Pick<Db, 'select'>, meetingId: string, patientIds: string[]): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const rows = await db
    .select({ patientId: mdtChosen.patientId })
    .from(mdtChosen)
    .where(and(eq(mdtChosen.meetingId, meetingId), inArray(mdtChosen.patientId, patientIds)))
    .all();
  return new Set(rows.map((r) => r.patientId));
}

/** Why each of these people would be on the worklist now (for the people chosen for a meeting). */
export async function mdtReasonsFor(
  db: Pick<Db, 'all'>,
  patientIds: string[],
  now = Date.now(),
): Promise<Map<string, MdtWorklistRow['reasons']>> {
  return new Map([...(await reasonRows(db, patientIds, now))].map(([id, row]) => [id, row.reasons]));
}

/** Each reason as 0 or 1 for a person row `p`, from the kept signals and the time now (a missing signal is 0). */
function reasonFlags(now: number): Record<MdtReason, SQL> {
  const flag = (condition: SQL) => sql`(case when ${condition} then 1 else 0 end)`;
  return {
    highRisk: flag(sql`p.risk_level = 'high'`),
    overdueTasks: flag(sql`p.mdt_task_due_at < ${now}`),
    declinedReferral: flag(sql`p.mdt_declined_at >= ${now - 30 * DAY}`),
    overdueReferral: flag(sql`p.mdt_referral_target_at < ${now}`),
    recentlyHome: flag(sql`p.mdt_home_at between ${now - 7 * DAY} and ${now}`),
    noContact: flag(sql`p.last_contact_at is null or p.last_contact_at < ${now - 30 * DAY}`),
  };
}

/** Each reason's flag as a column named after it, for a person row `p`. */
function signalFlags(now: number): SQL {
  const flags = reasonFlags(now);
  return sql.join(
    MDT_REASON_KEYS.map((r) => sql`${flags[r]} as ${sql.identifier(r)}`),
    sql`, `,
  );
}

/** The named people with their reasons (and how many tasks are overdue), by id. */
async function reasonRows(db: Pick<Db, 'all'>, patientIds: string[], now: number): Promise<Map<string, MdtWorklistRow>> {
  if (patientIds.length === 0) return new Map();
  const unfinished = sql`(${sql.join(
    UNFINISHED.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const ids = sql.join(
    patientIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db.all<{
    id: string;
    given_name: string;
    family_name: string;
    last_contact_at: number | null;
    named_contact_user_id: string | null;
    highRisk: number;
    overdueTasks: number;
    declinedReferral: number;
    overdueReferral: number;
    recentlyHome: number;
    noContact: number;
    overdue_task_count: number;
  }>(sql`
    select p.id, p.given_name, p.family_name, p.last_contact_at, p.named_contact_user_id, ${signalFlags(now)},
      (select count(*) from tasks t where t.patient_id = p.id and t.status in ${unfinished} and t.due_at < ${now}) as overdue_task_count
    from patients p where p.id in (${ids})`);
  return new Map(
    rows.map((p) => {
      const reasons: MdtWorklistRow['reasons'] = [];
      const add = (reason: MdtReason, words: string = MDT_REASONS[reason]) => reasons.push({ reason, words });
      if (p.highRisk) add('highRisk');
      if (p.overdueTasks) add('overdueTasks', `${p.overdue_task_count} overdue task${p.overdue_task_count === 1 ? '' : 's'}`);
      if (p.declinedReferral) add('declinedReferral');
      if (p.overdueReferral) add('overdueReferral');
      if (p.recentlyHome) add('recentlyHome');
      if (p.noContact) add('noContact', p.last_contact_at === null ? 'No contact recorded' : MDT_REASONS.noContact);
      const row: MdtWorklistRow = {
        id: p.id,
        name: `${p.given_name} ${p.family_name}`,
        lastContactAt: p.last_contact_at,
        namedContactUserId: p.named_contact_user_id,
        reasons,
      };
      return [p.id, row];
    }),
  );
}
