import { WITHHELD_FROM_LIST } from '../policy-page';
import { z, ZodError } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { can, type Permission } from '../access/permissions';
import { refusedUntilPasswordChanged, TEMPORARY_PASSWORD_MESSAGE } from '../access/temporary-password';
import { loadPatientFacts } from '../access/load-patient-facts';
import { locateDischarge, locateHandoff, locatePatient, locateReferral, locateTask, type Located } from '../access/locate';
import { decidePatientAccess, type AccessDecision } from '../access/policy';
import { writeAudit, writeAuditGrouped, type AuditEntry } from '../audit/write-audit';
import { Conflict, Forbidden, Invalid, NotFound, TooMany, Unauthenticated } from '../errors';
import type { AuditNote } from '../audit/audit-note';
import type { AnyUseCase, ObjectKind, PublicUseCase, ReadUseCase, RunContext, Subject, WriteUseCase } from './define';

export type ExecuteContext = { db: Db; actor: Actor | null };

const LOCATE: Record<ObjectKind, { locate: (db: Db, id: string) => Located | undefined | Promise<Located | undefined>; thing: string }> = {
  patient: { locate: locatePatient, thing: 'person’s record' },
  discharge: { locate: locateDischarge, thing: 'discharge' },
  task: { locate: locateTask, thing: 'task' },
  referral: { locate: locateReferral, thing: 'referral' },
  handoff: { locate: locateHandoff, thing: 'hand-over' },
};

/** The rule recorded when a call was let through but did not complete: why, in one word. */
function failureRule(error: unknown): string {
  if (error instanceof ZodError || error instanceof Invalid) return 'invalid_input';
  if (error instanceof Conflict) return 'conflict';
  if (error instanceof NotFound) return 'not_found';
  if (error instanceof Forbidden) return 'refused';
  return 'error';
}

type Refusal = { patientId: string | null; rule: string; reason: string | null };

/** Collects what a use case says about its audit rows; the executor writes them. */
function recorder() {
  const state = {
    detail: null as string | null,
    rule: null as string | null,
    people: new Set<string>(),
    refused: [] as Refusal[],
  };
  const note: AuditNote = {
    detail: (text) => {
      state.detail = text;
    },
    rule: (rule) => {
      state.rule = rule;
    },
    people: (ids) => ids.forEach((id) => state.people.add(id)),
    refused: (patientId, rule, reason) => state.refused.push({ patientId, rule, reason: reason ?? null }),
  };
  return { state, note };
}

/**
 * Runs one call of one use case, from any entry point (tRPC, pages and server actions, scripts):
 * signed in → role holds the permission → input's id names a real subject → the policy allows this
 * actor on that object → input valid → within the look-up limit → run. Every decision leaves exactly
 * one audit row: denied (with the person when the id named one), failed (let through, but refused by
 * the use case or its input; with the reason) or granted, one per person when it returned or changed
 * several. A write's granted row commits in the same transaction as the write.
 */
export async function execute(ctx: ExecuteContext, useCase: AnyUseCase, raw: unknown, ip: string | null = null): Promise<unknown> {
  if (useCase.kind === 'public-read' || useCase.kind === 'public-write') return executePublic(ctx, useCase, raw, ip);
  const uc = useCase as ReadUseCase<z.ZodType, unknown, Subject> | WriteUseCase<z.ZodType, unknown, unknown, Subject>;
  const { db } = ctx;
  const actor = ctx.actor;
  if (!actor) throw new Unauthenticated();
  const action = uc.name;
  const rowsFor = (entry: Omit<AuditEntry, 'action'>): AuditEntry => ({ action, ...entry });
  const deny = async (patientId: string | null, rule: string, error: Error): Promise<never> => {
    await writeAudit(db, actor, rowsFor({ patientId, outcome: 'denied', rule }));
    throw error;
  };

  // Which person the id in the input names, if any: denied and failed rows carry the person too.
  const subjectKey = 'key' in uc.subject ? uc.subject.key : null;
  const rawId = subjectKey && raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[subjectKey] : undefined;
  const validId = typeof rawId === 'string' && z.uuid().safeParse(rawId).success ? rawId : null;
  const located = 'key' in uc.subject && validId ? await LOCATE[uc.subject.kind].locate(db, validId) : undefined;
  // The permission the policy is asked about ('own' things are the user's own reading of the person).
  const asked: Permission = uc.permission === 'own' ? 'patient.read' : uc.permission;
  const personOfId = located?.patientId ?? null;

  // An administrator knows a temporary password they set: until it is replaced the account does nothing else.
  if (refusedUntilPasswordChanged(actor, action)) await deny(personOfId, 'must_change_password', new Forbidden(TEMPORARY_PASSWORD_MESSAGE));
  if (uc.permission !== 'own' && !can(actor.role, uc.permission)) {
    await deny(personOfId, 'no_permission', new Forbidden('Your role does not allow this.'));
  }

  let decision: AccessDecision | null = null;
  let decide: ((permission: Permission) => AccessDecision) | null = null;
  let patientId: string | null = null;
  if ('key' in uc.subject) {
    const { thing } = LOCATE[uc.subject.kind];
    if (!validId) {
      await writeAudit(db, actor, rowsFor({ patientId: null, outcome: 'failed', rule: 'invalid_input' }));
      throw new Invalid(uc.subject.key, `${thing[0]!.toUpperCase()}${thing.slice(1)}: not recognised. Go back and choose it again`);
    }
    const facts = located && (await factsOf(db, actor, located));
    if (!located || !facts) return await deny(personOfId, 'not_found', new NotFound(`This ${thing} does not exist.`));
    decision = decidePatientAccess(actor, facts, asked);
    if (!decision.allowed) await deny(located.patientId, decision.rule, new Forbidden(decision.explanation));
    patientId = located.patientId;
    const known = facts;
    decide = (permission) => decidePatientAccess(actor, known, permission);
  }
  const rule = decision?.rule ?? uc.permission;

  if (uc.limit) {
    const wait = await uc.limit.take(db, actor.userId);
    if (wait !== null) {
      await deny(
        patientId,
        'rate_limited',
        new TooMany(
          `You have made a lot of ${uc.limit.what} in the last minute. To protect people’s records from bulk look-ups, wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
        ),
      );
    }
  }

  const deniedRows = (refused: Refusal[]) =>
    refused.map((r) => rowsFor({ patientId: r.patientId, outcome: 'denied', rule: r.rule, reason: r.reason }));
  const failed = async (error: unknown, refused: Refusal[]): Promise<never> => {
    // One commit for all of them (a list may pass many people it may not show).
    await db.transaction(async (tx) => {
      for (const entry of deniedRows(refused)) await writeAudit(tx, actor, entry);
      // A look-up the use case refused on one person is that decision's row; anything else (a list
      // that passed people it may not show, then failed) is a failed call.
      if (refused.every((r) => r.rule === WITHHELD_FROM_LIST))
        await writeAudit(tx, actor, rowsFor({ patientId, outcome: 'failed', rule: failureRule(error) }));
    });
    throw error;
  };

  const parsed = uc.input.safeParse(raw);
  if (!parsed.success) await failed(parsed.error, []);
  // The id the decision was made on is the one the use case gets, whether or not its schema names it.
  const input: unknown =
    subjectKey && parsed.data && typeof parsed.data === 'object' ? { ...parsed.data, [subjectKey]: validId } : parsed.data;

  const { state, note } = recorder();
  const acting: Actor = {
    ...actor,
    access: { rule, action, reason: decision?.allowed ? decision.breakGlass?.reason : undefined, audit: note },
  };
  const granted = (): AuditEntry[] => {
    const people = new Set(state.people);
    if (patientId) people.add(patientId);
    const base = { outcome: 'granted' as const, rule: state.rule ?? rule, reason: state.detail ?? acting.access?.reason ?? null };
    return people.size === 0 ? [rowsFor({ ...base, patientId: null })] : [...people].map((p) => rowsFor({ ...base, patientId: p }));
  };
  // The context matches the subject: an object's person and decision, or none (checked above).
  const context = { db, actor: acting, input, patientId, decision, decide, audit: note } as RunContext<unknown, Subject>;

  if (uc.kind === 'read') {
    let result: unknown;
    try {
      result = await uc.run(context);
    } catch (error) {
      return await failed(error, state.refused);
    }
    // Refusals inside a read (a look-up that matched nobody, the people a list passed and may not
    // show) are rows of their own beside the grant. Nothing leaves the server until its audit rows are
    // on disk; they and concurrent reads' rows share one commit.
    await Promise.all([
      ...deniedRows(state.refused).map((entry) => writeAuditGrouped(db, actor, entry)),
      ...granted().map((entry) => writeAuditGrouped(db, acting, entry)),
    ]);
    return result;
  }

  const w = uc;
  let prepared: unknown;
  try {
    prepared = w.prepare ? await w.prepare(input, { db, actor: acting }) : undefined;
  } catch (error) {
    return await failed(error, []);
  }
  // What the use case had noted for its audit rows before the transaction: on PostgreSQL a
  // transaction refused for a conflict is run again, and each attempt starts from this, so the rows
  // written name only what the attempt that committed did.
  const before = { detail: state.detail, rule: state.rule, people: [...state.people], refused: [...state.refused] };
  try {
    return await db.transaction(
      async (tx) => {
        Object.assign(state, { detail: before.detail, rule: before.rule, people: new Set(before.people), refused: [...before.refused] });
        // Decided again inside the transaction: another request may have committed between the decision
        // above and this transaction (a care team member removed, consent withdrawn), and the write must
        // follow the record as it is now.
        let current = context;
        if ('key' in uc.subject && validId) {
          const now = await LOCATE[uc.subject.kind].locate(tx, validId);
          const facts = now && (await factsOf(tx, actor, now));
          const again = facts && decidePatientAccess(actor, facts, asked);
          if (!facts || !again?.allowed)
            throw new DecisionChanged(
              again?.rule ?? 'not_found',
              again?.explanation ?? `This ${LOCATE[uc.subject.kind].thing} does not exist.`,
            );
          current = {
            ...context,
            decision: again,
            decide: (permission: Permission) => decidePatientAccess(actor, facts, permission),
          } as typeof context;
        }
        // The use case works on the transaction's own connection (docs/decisions/018-async-domain-one-writer.md).
        const result = await w.run({ ...current, db: tx, prepared });
        for (const entry of granted()) await writeAudit(tx, acting, entry);
        return result;
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (error instanceof DecisionChanged) {
      await deny(patientId, error.rule, error.rule === 'not_found' ? new NotFound(error.message) : new Forbidden(error.message));
    }
    return await failed(error, state.refused);
  }
}

/** The policy, asked again inside a write's transaction, no longer allows it. */
class DecisionChanged extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the policy decides on: the person's facts, and the object's own beside them. */
async function factsOf(db: Db, actor: Actor, located: Located) {
  const facts = (await loadPatientFacts(db, actor, [located.patientId])).get(located.patientId);
  if (!facts) return undefined;
  // Facts about the object itself, beside the person: who flagged it, whom it is offered to, where it was sent.
  facts.actorFlaggedThisDischarge = !!located.flaggedByUserId && located.flaggedByUserId === actor.userId;
  facts.handoffOfferedToActor = !!located.handoffToUserId && located.handoffToUserId === actor.userId;
  if (located.referralToOrganisationId !== undefined) {
    facts.referralToActorOrganisation = located.referralToOrganisationId === actor.organisationId;
    facts.referralClosed = located.referralClosed;
    // A finished referral stays readable to whoever worked it, while they are in the team it was sent to.
    facts.referralHandledByActor = facts.referralToActorOrganisation && !!located.referralHandledBy?.includes(actor.userId);
  }
  return facts;
}

/** Before sign-in: the use case's own transaction records what it did (with the account it acted for). */
async function executePublic(ctx: ExecuteContext, uc: PublicUseCase, raw: unknown, ip: string | null): Promise<unknown> {
  const parsed = uc.input.safeParse(raw);
  if (!parsed.success) throw parsed.error;
  return await uc.run({ db: ctx.db, input: parsed.data, ip });
}
