import { headers } from 'next/headers';
import { getDb } from '../../db/connection';
import { requestIp } from '../http/client-ip';
import type { Context } from '../trpc/init';
import { createCaller } from '../trpc/app-router';
import { getActor } from './get-actor';

/** The context of one request: the process's database and the signed-in actor (or null). */
export async function createRequestContext(): Promise<Context> {
  // X-Forwarded-For only from the configured proxies: anyone can write it (requestIp).
  return { db: getDb(), actor: await getActor(), ip: requestIp((await headers()).get('x-forwarded-for')) };
}

/** A tRPC caller for server components and actions: the same procedures, checks and audit as the API. */
export async function serverCaller() {
  const ctx = await createRequestContext();
  return { caller: createCaller(ctx), actor: ctx.actor };
}
