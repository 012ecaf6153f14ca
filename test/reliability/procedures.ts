import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../../server/access/actor';
import { createCaller } from '../../server/trpc/app-router';
import { USE_CASES_BY_NAME } from '../../server/use-cases/registry';

type Procedure = { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] } };

/**
 * Every procedure of the API, by path ("patients.get"): one per declared use case (the API is
 * generated from them), with the input schema the executor checks.
 */
export const PROCEDURES: Record<string, Procedure> = Object.fromEntries(
  Object.values(USE_CASES_BY_NAME).map((uc) => [
    uc.name,
    { _def: { type: uc.kind === 'read' || uc.kind === 'public-read' ? 'query' : 'mutation', inputs: [uc.input] } },
  ]),
);

/** The ids a record procedure can be about. */
export const RECORD_KEYS = ['patientId', 'dischargeId', 'taskId', 'referralId', 'handoffId'] as const;
export type RecordKey = (typeof RECORD_KEYS)[number];

/** The id a procedure is about, if it is about one person or object. */
export function recordKeyOf(path: string): RecordKey | undefined {
  const subject = USE_CASES_BY_NAME[path]!.subject;
  return 'key' in subject ? subject.key : undefined;
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
