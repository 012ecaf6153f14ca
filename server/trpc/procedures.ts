import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { can, type Permission } from '../access/permissions';
import { loadPatientFacts } from '../access/load-patient-facts';
import { decidePatientAccess, type AccessDecision } from '../access/policy';
import { writeAudit } from '../audit/write-audit';
import { publicProcedure } from './init';

/** Signed in, with a live session. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Signed in and the role holds `permission` (for procedures not about one person). */
export function permittedProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, path, next }) => {
    if (!can(ctx.actor.role, permission)) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: null, outcome: 'denied', rule: 'no_permission' });
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
    }
    return next({ ctx: { ...ctx, actor: { ...ctx.actor, access: { rule: permission, action: path } } } });
  });
}

/**
 * Every procedure about one person is built from this: it loads the person, asks the one access
 * policy, writes the audit entry (granted or denied) and only then runs the use case. For writes,
 * the granted audit row is written by the use case, in the same transaction as the change.
 */
export function patientProcedure(permission: Permission) {
  return authedProcedure.input(z.object({ patientId: z.uuid({ error: 'patientId: not a valid id' }) })).use(async ({ ctx, input, path, type, next }) => {
    const facts = loadPatientFacts(ctx.db, ctx.actor, [input.patientId]).get(input.patientId);
    if (!facts) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: input.patientId, outcome: 'denied', rule: 'not_found' });
      throw new TRPCError({ code: 'NOT_FOUND', message: 'This person’s record does not exist.' });
    }
    const decision: AccessDecision = decidePatientAccess(ctx.actor, facts, permission);
    if (!decision.allowed) {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: input.patientId, outcome: 'denied', rule: decision.rule });
      throw new TRPCError({ code: 'FORBIDDEN', message: decision.explanation });
    }
    if (type !== 'mutation') {
      writeAudit(ctx.db, ctx.actor, { action: path, patientId: input.patientId, outcome: 'granted', rule: decision.rule });
    }
    const result = await next({
      ctx: { ...ctx, actor: { ...ctx.actor, access: { rule: decision.rule, action: path } }, decision },
    });
    if (type === 'mutation' && !result.ok) {
      // The write was refused or failed and rolled back: still record that access was granted.
      writeAudit(ctx.db, ctx.actor, { action: `${path}:failed`, patientId: input.patientId, outcome: 'granted', rule: decision.rule });
    }
    return result;
  });
}
