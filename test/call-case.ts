import type { Db } from '../db/client';
import type { Actor } from '../server/access/actor';
import { execute } from '../server/use-cases/execute';
import { USE_CASES_BY_NAME } from '../server/use-cases/registry';

/** Calls a use case by name as `actor`, through the executor (access, audit), as every entry point does. */
export function callCase(db: Db, actor: Actor, name: string, input: unknown): Promise<unknown> {
  const uc = USE_CASES_BY_NAME[name];
  if (!uc) throw new Error(`no use case ${name}`);
  return execute({ db, actor }, uc, input);
}
