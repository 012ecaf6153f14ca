import { TRPCError } from '@trpc/server';
import { serverCaller } from '../../../server/auth/request-context';
import { MeasuresInputSchema } from '../../../server/metrics/measure-input';
import { zodMessage } from '../../../server/trpc/init';
import { exportPeople, measuresCsv } from '../../../server/metrics/measures-csv';

/** Every measure for the chosen filters as CSV (server/metrics/measures-csv.ts). */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const { caller, actor } = await serverCaller();
  if (!actor) return new Response('Sign in to download measures.', { status: 401 });
  // Parsed by the procedure's own schema, so it gets typed input; bad filters are a 400 naming them.
  const parsed = MeasuresInputSchema.safeParse(params);
  if (!parsed.success)
    return new Response(zodMessage(parsed.error), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  try {
    const measures = await caller.metrics.compute(parsed.data);
    // Named from the scope used, never echoed from the request (#16 finding 21).
    const people = exportPeople(actor, parsed.data);
    const { from, to } = parsed.data;
    return new Response(measuresCsv(measures, { from, to, people }), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="carenav-measures-${from.replace(/[^0-9-]/g, '')}-to-${to.replace(/[^0-9-]/g, '')}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'BAD_REQUEST' || error.code === 'FORBIDDEN')) {
      return new Response(error.message, {
        status: error.code === 'BAD_REQUEST' ? 400 : 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    throw error;
  }
}
