import { z } from 'zod';
import { IdSchema } from '../validation';
import type { Db } from '../../db/client';
import { breakGlassGrants } from '../../db/schema';
import type { Actor } from '../access/actor';
import { loadPatientFacts } from '../access/load-patient-facts';
import { decidePatientAccess } from '../access/policy';
import { Conflict, Forbidden, NotFound } from '../errors';
import { newId } from '../ids';
import { appendEvent } from '../timeline/append-event';
import { requiredText } from '../validation';
import { formatMoment } from '../calendar/england-time';
import { activeBreakGlassRecords, alertReviewersIfNeeded, breakGlassLimits, recentBreakGlassRecords } from './break-glass-limits';

/** How long emergency access lasts. */
export const BREAK_GLASS_HOURS = 4;
export const BREAK_GLASS_MIN_REASON = 15;

export const RequestBreakGlassSchema = z.object({
  patientId: IdSchema('Person'),
  reason: requiredText('Reason', 1000, 'Enter why you need emergency access').refine(
    (v) => v.length === 0 || v.length >= BREAK_GLASS_MIN_REASON,
    `Reason must be at least ${BREAK_GLASS_MIN_REASON} characters: say what the emergency is`,
  ),
});
export type RequestBreakGlassInput = z.infer<typeof RequestBreakGlassSchema>;

type BreakGlassCheck = { ok: true; until: number } | { ok: false; rule: string; error: Error };

/**
 * Whether `actor` may be given emergency access to the person now, and if not why: the rules the
 * request applies, so the pages offer it only where it can work (#17 item 19).
 */
export async function checkBreakGlass(db: Db, actor: Actor, patientId: string, reason: string, now = Date.now()): Promise<BreakGlassCheck> {
  const refuse = (rule: string, error: Error): BreakGlassCheck => ({ ok: false, rule, error });
  const facts = (await loadPatientFacts(db, actor, [patientId], now)).get(patientId);
  if (!facts) return refuse('not_found', new NotFound('This person’s record does not exist.'));
  const usual = decidePatientAccess(actor, { ...facts, breakGlass: null }, 'patient.read');
  if (usual.allowed) return refuse('has_relationship', new Conflict(`You do not need emergency access. ${usual.explanation}`));
  if (facts.breakGlass)
    return refuse(
      'already_active',
      new Conflict(`You already have emergency access to this record until ${formatMoment(facts.breakGlass.until)}.`),
    );
  // A hard ceiling per person: many records opened in an emergency in a short time is not an emergency
  // but a search, and goes through the Caldicott guardian instead (#16 finding 20).
  const limits = breakGlassLimits();
  const recent = await recentBreakGlassRecords(db, actor.userId, now);
  if (recent >= limits.max)
    return refuse(
      'break_glass_limit',
      new Forbidden(
        `You have used emergency access on ${recent} records in ${limits.windowWords}, the most allowed. Contact your Caldicott guardian or administrator if you need to see this record.`,
      ),
    );
  const active = await activeBreakGlassRecords(db, actor.userId, now);
  if (active >= limits.max)
    return refuse(
      'break_glass_limit',
      new Forbidden(
        `You have emergency access to ${active} records at the moment, the most allowed at once. Contact your Caldicott guardian or administrator if you need to see this record.`,
      ),
    );
  const until = now + BREAK_GLASS_HOURS * 3_600_000;
  const decision = decidePatientAccess(actor, { ...facts, breakGlass: { until, reason } }, 'patient.read');
  // Someone with no relationship is not told what the person decided or when (only that a decision
  // stands): that is theirs to know, not a stranger's.
  if (!decision.allowed)
    return refuse(
      decision.rule,
      new Forbidden(
        decision.rule === 'sharing_not_allowed'
          ? 'Emergency access cannot be given: the person has made a decision about sharing with your service, and emergency access never overrides it. If you are worried about their safety, contact their GP practice, or your Caldicott guardian or safeguarding lead.'
          : `Emergency access cannot be given. ${decision.explanation} If you are worried about their safety, contact their GP practice, or your Caldicott guardian or safeguarding lead.`,
      ),
    );
  return { ok: true, until };
}

export const BreakGlassOptionSchema = z.object({ patientId: IdSchema('Person') });

/**
 * For the pages: whether to offer emergency access to this person, and if not why, in the words the
 * request would refuse with. Noted against the person: it tells whether their decision stands.
 */
export async function breakGlassOption(db: Db, actor: Actor, input: z.infer<typeof BreakGlassOptionSchema>, now = Date.now()) {
  const check = await checkBreakGlass(db, actor, input.patientId, '', now);
  // A look-up on the person's log either way (limited like a search); asking for access itself is
  // the decision that is granted or denied.
  if (check.ok || check.rule !== 'not_found') actor.access?.audit?.people([input.patientId]);
  return check.ok ? { available: true as const } : { available: false as const, explanation: check.error.message };
}

/**
 * Emergency ("break-glass") access for staff with no relationship to the person: with a reason,
 * for 4 hours, to read the record and write down what they did. It never overrides the person's
 * own decision about sharing. The grant, its audit row and a timeline entry are written together;
 * every access under it is marked in the audit log and waits for an administrator's review. Several
 * records in a short time alert the reviewers; more than CARENAV_BREAK_GLASS_MAX are refused.
 */
export async function requestBreakGlass(db: Db, actor: Actor, input: RequestBreakGlassInput, now = Date.now()) {
  const action = actor.access?.action ?? 'breakGlass.request';
  const check = await checkBreakGlass(db, actor, input.patientId, input.reason, now);
  if (!check.ok) {
    actor.access?.audit?.refused(check.rule === 'not_found' ? null : input.patientId, check.rule, input.reason);
    throw check.error;
  }
  const { until } = check;

  return await db.transaction(async (tx) => {
    const id = newId();
    await tx
      .insert(breakGlassGrants)
      .values({ id, userId: actor.userId, patientId: input.patientId, reason: input.reason, grantedAt: now, expiresAt: until })
      .run();
    await appendEvent(
      tx,
      { ...actor, access: { ...actor.access, rule: 'break_glass', action, reason: input.reason } },
      {
        patientId: input.patientId,
        kind: 'break_glass',
        summary: `Emergency access (break glass) by ${actor.name} until ${formatMoment(until)}`,
        body: input.reason,
        subjectType: 'break_glass',
        subjectId: id,
      },
      now,
    );
    // The grant's audit row carries the reason given for it.
    actor.access?.audit?.detail(input.reason);
    actor.access?.audit?.rule('break_glass');
    await alertReviewersIfNeeded(tx, actor, await recentBreakGlassRecords(tx, actor.userId, now), now);
    return { id, until };
  });
}
