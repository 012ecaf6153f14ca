import { z } from 'zod';
import { getDb } from '../../../../db/connection';
import { benchmarkRouteEnabled } from '../../../../server/bench/benchmark-route';
import { listTimeline } from '../../../../server/timeline/list-timeline';

export const dynamic = 'force-dynamic';

const Query = z.object({ patientId: z.uuid({ error: 'patientId must be a person’s id' }) });

/** Benchmark only (see server/bench/benchmark-route.ts): a timeline's first page, no session, access check or audit. */
export function GET(request: Request) {
  const db = getDb();
  if (!benchmarkRouteEnabled(db)) return Response.json({ error: 'Not found' }, { status: 404 });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 400 });
  return Response.json(listTimeline(db, { patientId: parsed.data.patientId, limit: 20 }));
}
