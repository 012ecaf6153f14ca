import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import type { Permission } from '../access/permissions';
import type { AccessDecision } from '../access/policy';
import type { AuditNote } from '../audit/audit-note';
import { IdSchema } from '../validation';

/**
 * What a use case is about, which is what the executor asks the policy about:
 * - `public`: before sign-in; the input itself is the key (a carer invitation's secret).
 * - `own`: the signed-in user's own things (their inbox, hand-overs to or from them, their sessions).
 * - `role`: not about one person or object: the role's permission decides; a read that returns
 *   people is audited once per person it returns.
 * - an object named in the input by `key`: the person, or the discharge, task, referral or
 *   hand-over, whose person (and the object's organisation, owner, team) the policy decides on.
 */
export type Subject =
  | { kind: 'public' }
  | { kind: 'own' }
  | { kind: 'role' }
  | { kind: 'patient'; key: 'patientId' }
  | { kind: 'discharge'; key: 'dischargeId' }
  | { kind: 'task'; key: 'taskId' }
  | { kind: 'referral'; key: 'referralId' }
  | { kind: 'handoff'; key: 'handoffId' };

export type ObjectKind = Extract<Subject, { key: string }>['kind'];

export const subject = {
  public: { kind: 'public' },
  own: { kind: 'own' },
  role: { kind: 'role' },
  patient: { kind: 'patient', key: 'patientId' },
  discharge: { kind: 'discharge', key: 'dischargeId' },
  task: { kind: 'task', key: 'taskId' },
  referral: { kind: 'referral', key: 'referralId' },
  handoff: { kind: 'handoff', key: 'handoffId' },
} as const satisfies Record<string, Subject>;

type About<Sb extends Subject> = Sb extends { key: string }
  ? {
      /** The person the call is about. */
      patientId: string;
      decision: AccessDecision;
      /** The policy's decision on another permission for the same actor and person, on the same facts (what the page may offer). */
      decide: (permission: Permission) => AccessDecision;
    }
  : { patientId: null; decision: null; decide: null };

export type RunContext<I, Sb extends Subject = Subject> = {
  db: Db;
  /** The signed-in actor, carrying the decision's rule (and any emergency-access reason). */
  actor: Actor;
  input: I;
  audit: AuditNote;
} & About<Sb>;

type Limit = { take: (db: Db, userId: string) => Promise<number | null>; what: string };

type Common<S extends z.ZodType, Sb extends Subject = Subject> = {
  /** The path callers use: "<area>.<verb>", also the audit row's action. */
  name: string;
  /** The one permission the role must hold ('own': anyone signed in, on their own things). */
  permission: Permission | 'own';
  subject: Sb;
  input: S;
  /** Counted against the caller's look-up limit (bulk look-up protection). */
  limit?: Limit;
};

/**
 * A read: audited before its answer leaves the server (one row per person it returns). May be
 * async (it does no write).
 */
export type ReadUseCase<S extends z.ZodType = z.ZodType, O = unknown, Sb extends Subject = Subject> = Common<S, Sb> & {
  kind: 'read';
  // Method syntax: the registry holds use cases of every input (method parameters are checked bivariantly).
  run(c: RunContext<z.output<S>, Sb>): O | Promise<O>;
};

/**
 * A write: runs inside one transaction with its audit row, on the transaction's `db`; only
 * database work goes inside (docs/decisions/018-async-domain-one-writer.md). Slow work that must
 * come first (hashing a password) goes in `prepare`, which runs after the decision and before the
 * transaction.
 */
export type WriteUseCase<S extends z.ZodType = z.ZodType, O = unknown, P = undefined, Sb extends Subject = Subject> = Common<S, Sb> & {
  kind: 'write';
  prepare?(input: z.output<S>, c: { db: Db; actor: Actor }): Promise<P>;
  run(c: RunContext<z.output<S>, Sb> & { prepared: P }): O | Promise<O>;
};

/** A public use case runs before sign-in, so it has no actor; its own transaction records what it did. */
export type PublicUseCase<S extends z.ZodType = z.ZodType, O = unknown> = Omit<Common<S>, 'permission' | 'subject' | 'limit'> & {
  kind: 'public-read' | 'public-write';
  permission: 'public';
  subject: { kind: 'public' };
  run(c: { db: Db; input: z.output<S>; ip: string | null }): O | Promise<O>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds use cases of every input and output
export type AnyUseCase = ReadUseCase<any, any, Subject> | WriteUseCase<any, any, any, Subject> | PublicUseCase<any, any>;

export const read = <S extends z.ZodType, O, Sb extends Subject>(uc: Omit<ReadUseCase<S, O, Sb>, 'kind'>): ReadUseCase<S, O, Sb> => ({
  ...uc,
  kind: 'read',
});
export const write = <S extends z.ZodType, O, Sb extends Subject, P = undefined>(
  uc: Omit<WriteUseCase<S, O, P, Sb>, 'kind'>,
): WriteUseCase<S, O, P, Sb> => ({ ...uc, kind: 'write' });
export const publicRead = <S extends z.ZodType, O>(
  uc: Omit<PublicUseCase<S, O>, 'kind' | 'permission' | 'subject'>,
): PublicUseCase<S, O> => ({
  ...uc,
  kind: 'public-read',
  permission: 'public',
  subject: { kind: 'public' },
});
export const publicWrite = <S extends z.ZodType, O>(
  uc: Omit<PublicUseCase<S, O>, 'kind' | 'permission' | 'subject'>,
): PublicUseCase<S, O> => ({
  ...uc,
  kind: 'public-write',
  permission: 'public',
  subject: { kind: 'public' },
});

/** No input (an API client may send nothing or null). */
export const NoInput = z.null().optional();

/** Only the id of what the call is about, e.g. `idOnly('referralId', 'Referral')`. */
export const idOnly = <K extends string>(key: K, label: string) =>
  z.object({ [key]: IdSchema(label) } as Record<K, ReturnType<typeof IdSchema>>);
