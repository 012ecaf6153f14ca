import type { TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';
import type { z } from 'zod';
import type { AnyUseCase } from '../use-cases/define';
import { execute } from '../use-cases/execute';
import { publicProcedure, type Context } from './init';

type Output<U> = U extends { run: (...args: never[]) => infer R } ? Awaited<R> : never;
type Def<U extends AnyUseCase> = { input: z.input<U['input']>; output: Output<U>; meta: object };
type ProcedureOf<U extends AnyUseCase> = U['kind'] extends 'read' | 'public-read'
  ? TRPCQueryProcedure<Def<U>>
  : TRPCMutationProcedure<Def<U>>;

/**
 * Lets the input through untouched, typed as the use case's input: the executor parses it, after
 * deciding access, so that even bad input leaves an audit row and no caller can reach a use case
 * by another route. (A Standard Schema, which tRPC accepts as a parser.)
 */
function typedPassThrough<S extends z.ZodType>() {
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'carenav',
      validate: (value: unknown) => ({ value }),
      types: undefined as unknown as { input: z.input<S>; output: z.input<S> },
    },
  };
}

/**
 * The tRPC procedures of an area, generated from its use cases' declarations: each only hands the
 * signed-in actor and the raw input to the executor. There is no other way to make a procedure.
 */
export function routerFor<T extends Record<string, AnyUseCase>>(cases: T): { [K in keyof T]: ProcedureOf<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [key, uc] of Object.entries(cases)) {
    const procedure = publicProcedure.input(typedPassThrough());
    const resolve = ({ ctx, input }: { ctx: Context; input: unknown }) => execute(ctx, uc, input, ctx.ip ?? ctx.actor?.ip ?? null);
    out[key] = uc.kind === 'read' || uc.kind === 'public-read' ? procedure.query(resolve) : procedure.mutation(resolve);
  }
  return out as { [K in keyof T]: ProcedureOf<T[K]> };
}
