// The limit: the timeline's first page read with raw better-sqlite3 prepared statements and served
// by a bare Node http server, with the same pragmas and the same SQL as the use case
// (server/timeline/list-timeline.ts), and no framework, session, access check or audit.
// Usage: tsx scripts/bench/raw-server.ts <database> <port>
import { Database } from '../../db/sqlite';
import { createServer } from 'node:http';
import { applyPragmas } from '../../db/client';

const [path, port] = process.argv.slice(2);
if (!path || !port) throw new Error('usage: tsx scripts/bench/raw-server.ts <database file> <port>');
const sqlite = new Database(path, { readonly: false });
applyPragmas(sqlite);
const page = sqlite.prepare(`
  select te.id, te.kind, te.summary, te.body, te.occurred_at as occurredAt, te.recorded_at as recordedAt, te.sector,
         u.name as authorName, o.name as organisationName, te.amends_event_id as amendsEventId, te.carer_visible as carerVisible
  from timeline_events te
  join users u on u.id = te.actor_user_id
  left join organisations o on o.id = te.organisation_id
  where te.patient_id = ?
  order by te.occurred_at desc, te.id desc
  limit 21`);
const amendments = sqlite.prepare(
  'select id, amends_event_id as amendsEventId from timeline_events where amends_event_id in (select value from json_each(?))',
);

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return response.end('ok');
  const patientId = url.searchParams.get('patientId') ?? '';
  const rows = page.all(patientId) as { id: string; occurredAt: number; carerVisible: number }[];
  const items = rows.slice(0, 20);
  const amended = amendments.all(JSON.stringify(items.map((r) => r.id))) as { id: string; amendsEventId: string }[];
  const last = items.at(-1);
  const body = JSON.stringify({
    items: items.map((r) => ({
      ...r,
      carerVisible: r.carerVisible === 1,
      amendedBy: amended.filter((a) => a.amendsEventId === r.id).map((a) => a.id),
    })),
    nextCursor: rows.length > 20 && last ? `${last.occurredAt}_${last.id}` : null,
  });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(body);
}).listen(Number(port), '127.0.0.1');
