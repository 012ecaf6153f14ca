// The failover drill (issue #19, `npm run test:reliability`): a PostgreSQL primary with a synchronous
// streaming replica, two carenav instances (the production build) behind a round-robin proxy writing
// notes through HTTP, the primary killed with SIGKILL in the middle of the storm, the replica
// promoted and the database address moved to it (as a managed database's address moves), carenav
// reconnecting without a restart. Passes only if every note whose write was acknowledged (HTTP 200)
// is in the promoted database exactly once, and the database passes its integrity checks. Prints the
// seconds during which writes were refused. Figures: docs/reliability.md.
import { spawn } from 'node:child_process';
import { signIn, trpc, type Session } from '../e2e/http';
import { startServer } from './lib/load';
import { startPostgres, startReplica } from './lib/postgres.mjs';
import { floatingAddress, roundRobinProxy } from './lib/proxies.mjs';

const WRITERS = Number(process.env.DRILL_WRITERS ?? 16);
const BEFORE_MS = Number(process.env.DRILL_BEFORE_MS ?? 6_000);
const AFTER_MS = Number(process.env.DRILL_AFTER_MS ?? 10_000);
const base = 'http://localhost:3400';
const instancePorts = [3401, 3402];

async function main() {
  const primary = await startPostgres({ database: 'carenav' });
  const replica = await startReplica(primary, { synchronous: true });
  const address = await floatingAddress(primary.port);
  const stops: (() => Promise<void>)[] = [];
  try {
    const env = {
      ...process.env,
      CARENAV_DEMO: 'true',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${address.port}/carenav`,
      NEXTAUTH_SECRET: 'failover-drill-only-secret-not-for-production-0123',
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: '1',
      CARENAV_LOG_LEVEL: 'error',
    };
    console.log('Primary and synchronous replica running; loading the demo data…');
    // Not spawnSync: the database address is forwarded by this process, which must keep running.
    const seeded = await new Promise<number | null>((resolve) =>
      spawn('npx', ['tsx', 'db/seed/cli.ts'], { env, stdio: 'ignore' }).on('exit', (code) => resolve(code)),
    );
    if (seeded !== 0) throw new Error('loading the demo data failed');
    for (const port of instancePorts) {
      stops.push(
        await startServer(['npx', 'next', 'start', '-p', String(port)], env, `http://localhost:${port}/api/health`, `instance ${port}`),
      );
    }
    const proxy = roundRobinProxy(3400, instancePorts);
    console.log(`Two instances (${instancePorts.join(', ')}) behind ${base}; ${WRITERS} writers start.`);
    stops.push(() => new Promise((resolve) => proxy.close(() => resolve())));

    const session: Session = (await signIn(base, 'navigator@demo.carenav.test', 'demo-password')).session;
    const caseload = await trpc(base, session, 'patients.caseload', { scope: 'team' });
    const patientId = (caseload.data?.rows as { id: string }[] | undefined)?.[0]?.id;
    if (!patientId) throw new Error(`no person to write notes about: ${caseload.message}`);

    const acknowledged: string[] = [];
    const refusedAt: number[] = [];
    let killedAt = 0;
    let promotedAt = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const text = `Failover drill note ${w}-${i}`;
        const result = await trpc(
          base,
          session,
          'timeline.add',
          { patientId, type: 'note', text, occurredAt: Date.now() - 60_000 },
          'mutation',
        ).catch(() => ({ status: 0 }));
        if (result.status === 200) acknowledged.push(text);
        else {
          refusedAt.push(Date.now());
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const storm = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await new Promise((r) => setTimeout(r, BEFORE_MS));
    const beforeKill = acknowledged.length;
    killedAt = Date.now();
    primary.kill('SIGKILL');
    console.log(`Primary killed after ${beforeKill} acknowledged notes; promoting the replica…`);
    replica.promote();
    address.moveTo(replica.port);
    promotedAt = Date.now();
    await new Promise((r) => setTimeout(r, AFTER_MS));
    stop = true;
    await storm;

    // What the promoted database holds: every acknowledged note, once.
    const rows = replica
      .psql(`select body from timeline_events where kind = 'note' and body like 'Failover drill note %'`)
      .split('\n')
      .filter(Boolean);
    const held = new Map<string, number>();
    for (const text of rows) held.set(text, (held.get(text) ?? 0) + 1);
    const lost = acknowledged.filter((text) => !held.has(text));
    const twice = [...held].filter(([, n]) => n > 1).map(([text]) => text);
    replica.psql('create extension if not exists amcheck');
    const indexes = replica.psql(
      `select count(bt_index_check(c.oid)) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
       where a.amname = 'btree' and c.relnamespace = 'public'::regnamespace`,
    );
    const afterPromotion = acknowledged.length - beforeKill;
    const refusedSeconds = refusedAt.length ? (Math.max(...refusedAt) - Math.min(...refusedAt)) / 1000 : 0;
    console.log('\nFailover drill (PostgreSQL primary + synchronous replica, 2 carenav instances, SIGKILL mid-storm):');
    console.log(
      '| writers | acknowledged | before the kill | after | refused requests | seconds refusing | lost | written twice | btree indexes checked |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${WRITERS} | ${acknowledged.length} | ${beforeKill} | ${afterPromotion} | ${refusedAt.length} | ${refusedSeconds.toFixed(1)} | ${lost.length} | ${twice.length} | ${indexes} |`,
    );
    console.log(`Promotion took ${((promotedAt - killedAt) / 1000).toFixed(1)} s after the kill.`);
    if (lost.length > 0) throw new Error(`${lost.length} acknowledged notes are missing after the failover, e.g. ${lost[0]}`);
    if (twice.length > 0) throw new Error(`${twice.length} notes were written twice, e.g. ${twice[0]}`);
    if (afterPromotion === 0) throw new Error('carenav did not write again after the promotion: it did not reconnect');
    if (beforeKill === 0) throw new Error('no write was acknowledged before the kill: the drill proves nothing');
  } finally {
    for (const stopOne of stops.reverse()) await stopOne();
    await address.close();
    await replica.stop();
    await primary.stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`carenav: failover drill failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
