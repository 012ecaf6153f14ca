import { databaseIsHealthy } from '../../../server/health/check-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  return (await databaseIsHealthy())
    ? Response.json({ status: 'ok' })
    : Response.json({ status: 'unavailable', reason: 'database not reachable' }, { status: 503 });
}
