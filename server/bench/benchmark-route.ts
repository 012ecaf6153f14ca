import { z } from 'zod';
import type { Db } from '../../db/client';
import { getDb } from '../../db/connection';
import { tableExists } from '../../db/engine-sql';
import { SYNTHETIC_MARKER_TABLE } from '../../db/synthetic-marker';
import { env as processEnv, type Env } from '../env';
import { listTimeline } from '../timeline/list-timeline';

/**
 * The benchmark's plain route handler (app/api/bench/timeline) reads a timeline with no session,
 * access check or audit row, to measure what those cost. It must never serve real records, so it
 * answers only when both hold: the server was started with CARENAV_BENCHMARK=true (npm run bench
 * does), and the database is one `npm run db:synth` made (it carries a marker table no migration
 * creates). Otherwise the route is "not found", like any path that does not exist.
 */
export async function benchmarkRouteEnabled(db: Db, env: Pick<Env, 'CARENAV_BENCHMARK'> = processEnv()): Promise<boolean> {
  if (!env.CARENAV_BENCHMARK) return false;
  return (await db.get(tableExists(SYNTHETIC_MARKER_TABLE))) !== undefined;
}

const Query = z.object({ patientId: z.uuid({ error: 'patientId must be a person’s id' }) });

/** GET /api/bench/timeline?patientId=…: a timeline's first page, as the tRPC read returns it. */
export async function benchmarkTimelineResponse(request: Request, db: Db = getDb()): Promise<Response> {
  if (!(await benchmarkRouteEnabled(db))) return Response.json({ error: 'Not found' }, { status: 404 });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 400 });
  return Response.json(await listTimeline(db, { patientId: parsed.data.patientId, limit: 20 }));
}
