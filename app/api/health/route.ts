import { databaseIsHealthy } from '../../../server/health/check-health';

export const dynamic = 'force-dynamic';

export function GET() {
  return databaseIsHealthy()
    ? Response.json({ status: 'ok' })
    : Response.json({ status: 'unavailable', reason: 'database not reachable' }, { status: 503 });
}
