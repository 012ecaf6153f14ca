import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { can, type Permission } from '../access/permissions';
import { loadPatientFacts } from '../access/load-patient-facts';
import { locateDischarge, locateHandoff, locatePatient, locateReferral, locateTask, type Located } from '../access/locate';
import { decidePatientAccess, type AccessDecision } from '../access/policy';
import type { Actor } from '../access/actor';
import { writeAudit, writeAuditGrouped } from '../audit/write-audit';
import { publicProcedure, type Context } from './init';

/** Signed in, with a live session (not audited on its own: each procedure below is). */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

type AuditedResult = { ok: boolean };

/**
 * Every allowed call leaves a granted audit row: reads here, writes in the use case's own
 * transaction with the change (and here, marked ":failed", when the write was refused or rolled
 * back). Refusals are audited where they are decided.
 */
async function auditAllowed<R extends AuditedResult>(
  ctx: Context & { actor: Actor },
  call: { path: string; type: string; patientId: string | null; rule: string },
  run: () => Promise<R>,
): Promise<R> {
  const entry = { patientId: call.patientId, outcome: 'granted' as const, rule: call.rule };
  if (call.type !== 'mutation') {
    // A read is recorded before it runs, its row committed together with those of concurrent reads.
    await writeAuditGrouped(ctx.db, ctx.actor, { ...entry, action: call.path });
    return run();
  }
  const result = await run();
  if (!result.ok) writeAudit(ctx.db, ctx.actor, { ...entry, action: `${call.path}:failed` });
  return result;
}

/** Signed in, working only on the user's own things (their notifications and hand-overs). */
export const authedProcedure = signedInProcedure.use(({ ctx, path, type, next }) => {
  const actor = { ...ctx.actor, access: { rule: 'own', action: path } };
  return auditAllowed({ ...ctx, actor }, { path, type, patientId: null, rule: 'own' }, () => next({ ctx: { ...ctx, actor } }));
});

/** Signed in and the role holds `permission` (for procedures not about one person). */
export function permittedProcedure(permission: Permission) {
  return signedInProcedure.use(({ ctx, path, type, next }) => {
    if (!can(ctx.actor.role, permission)) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: null, outcome: 'denied', rule: 'no_permission' });
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
    }
    const actor = { ...ctx.actor, access: { rule: permission, action: path } };
    return auditAllowed({ ...ctx, actor }, { path, type, patientId: null, rule: permission }, () => next({ ctx: { ...ctx, actor } }));
  });
}

/**
 * Every procedure about one person is built from this: it finds the person the request is about
 * (`locate`), loads the facts, asks the one access policy, writes the audit entry (granted or
 * denied) and only then runs the use case. For writes, the granted audit row is written by the use
 * case, in the same transaction as the change.
 */
function recordProcedure<Key extends string>(
  permission: Permission,
  key: Key,
  thing: string,
  locate: (db: Context['db'], id: string) => Located | undefined,
) {
  const idSchema = z.object({ [key]: z.uuid({ error: `${key}: not a valid id` }) } as Record<Key, z.ZodUUID>);
  return signedInProcedure.input(idSchema).use(async ({ ctx, input, path, type, next }) => {
    const id = (input as Record<Key, string>)[key];
    const located = locate(ctx.db, id);
    const facts = located && loadPatientFacts(ctx.db, ctx.actor, [located.patientId]).get(located.patientId);
    if (!located || !facts) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: located?.patientId ?? null, outcome: 'denied', rule: 'not_found' });
      throw new TRPCError({ code: 'NOT_FOUND', message: `This ${thing} does not exist.` });
    }
    facts.actorFlaggedThisDischarge = !!located.flaggedByUserId && located.flaggedByUserId === ctx.actor.userId;
    facts.handoffOfferedToActor = !!located.handoffToUserId && located.handoffToUserId === ctx.actor.userId;
    if (located.referralToOrganisationId !== undefined) {
      facts.referralToActorOrganisation = located.referralToOrganisationId === ctx.actor.organisationId;
    }
    const decision: AccessDecision = decidePatientAccess(ctx.actor, facts, permission);
    if (!decision.allowed) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: located.patientId, outcome: 'denied', rule: decision.rule });
      throw new TRPCError({ code: 'FORBIDDEN', message: decision.explanation });
    }
    const actor = { ...ctx.actor, access: { rule: decision.rule, action: path, reason: decision.breakGlass?.reason } };
    return auditAllowed({ ...ctx, actor }, { path, type, patientId: located.patientId, rule: decision.rule }, () =>
      next({ ctx: { ...ctx, actor, decision, patientId: located.patientId } }),
    );
  });
}

/** A procedure about one person, named by `patientId`. */
export const patientProcedure = (permission: Permission) => recordProcedure(permission, 'patientId', 'person’s record', locatePatient);

/** A procedure about one discharge, named by `dischargeId`: access is decided for its person. */
export const dischargeProcedure = (permission: Permission) => recordProcedure(permission, 'dischargeId', 'discharge', locateDischarge);

/** A procedure about one task, named by `taskId`: access is decided for its person. */
export const taskProcedure = (permission: Permission) => recordProcedure(permission, 'taskId', 'task', locateTask);

/** A procedure about one referral, named by `referralId`: access is decided for its person. */
export const referralProcedure = (permission: Permission) => recordProcedure(permission, 'referralId', 'referral', locateReferral);

/** A procedure about one hand-over of named contact, named by `handoffId`. */
export const handoffProcedure = (permission: Permission) => recordProcedure(permission, 'handoffId', 'hand-over', locateHandoff);

/**
 * A permitted procedure that one user may call only so often (patient search: bulk look-up
 * protection). Going over is refused with how long to wait, and the refusal is audited.
 */
export function rateLimitedProcedure(permission: Permission, take: (userId: string) => Promise<number | null>, what: string) {
  return permittedProcedure(permission).use(async ({ ctx, path, next }) => {
    const wait = await take(ctx.actor.userId);
    if (wait !== null) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: null, outcome: 'denied', rule: 'rate_limited' });
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `You have made a lot of ${what} in the last minute. To protect people’s records from bulk look-ups, wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
      });
    }
    return next();
  });
}
