import { benchmarkTimelineResponse } from '../../../../server/bench/benchmark-route';

export const dynamic = 'force-dynamic';

/** Benchmark only: answers "not found" unless started by `npm run bench` on a synthetic database. */
export async function GET(request: Request) {
  return await benchmarkTimelineResponse(request);
}
