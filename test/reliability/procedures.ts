import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../../server/access/actor';
import { appRouter, createCaller } from '../../server/trpc/app-router';

type Procedure = { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] } };

/** Every tRPC procedure of the API, by path ("patients.get"), as the reliability suites enumerate them. */
export const PROCEDURES = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;

/** The ids a record procedure can be about (its first input field). */
export const RECORD_KEYS = ['patientId', 'dischargeId', 'taskId', 'referralId', 'handoffId'] as const;
export type RecordKey = (typeof RECORD_KEYS)[number];

/** The id a record procedure is about, if it is one. */
export function recordKeyOf(path: string): RecordKey | undefined {
  const shape = (PROCEDURES[path]!._def.inputs[0] as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? RECORD_KEYS.find((k) => Object.keys(shape)[0] === k) : undefined;
}

/** Calls a procedure by its path as `actor` (null: nobody signed in): "OK", or the error's code and message. */
export async function callByPath(db: Db, actor: Actor | null, path: string, input: unknown): Promise<{ code: string; message: string }> {
  const caller = createCaller({ db, actor }) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split('.') as [string, string];
  try {
    await caller[ns]![name]!(input);
    return { code: 'OK', message: '' };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code ?? 'THROWN', message: e.message ?? String(error) };
  }
}
