// The PostgreSQL harness (issue #19): real servers, gone when stopped, and a synchronous replica that
// survives the primary's crash with every committed row. Each test starts its own servers (about
// 1.5 s each: initdb is most of it).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPostgres, startReplica, type PostgresServer } from './postgres.mjs';

const started: PostgresServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
});

async function poll(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('scripts/lib/postgres.mjs', () => {
  it('starts a server with durable commits, and stop() removes its directory (twice is fine)', async () => {
    const server = await startPostgres();
    started.push(server);
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/carenav`);
    expect(server.psql('select 1')).toBe('1');
    expect(server.psql('select current_database()')).toBe('carenav');
    expect(server.psql('show synchronous_commit')).toBe('on');
    expect(server.psql('show fsync')).toBe('on');
    expect(server.psql('show server_encoding')).toBe('UTF8');
    expect(server.psql('select current_user')).toBe('postgres');
    expect(existsSync(server.dataDir)).toBe(true);

    await server.stop();
    await server.stop();
    expect(existsSync(dirname(server.dataDir))).toBe(false);
    expect(() => server.psql('select 1')).toThrow();
  }, 60_000);

  it('a synchronous replica has every committed row when the primary is killed, and takes writes once promoted', async () => {
    const primary = await startPostgres();
    started.push(primary);
    const replica = await startReplica(primary, { synchronous: true });
    started.push(replica);
    expect(replica.port).not.toBe(primary.port);
    expect(primary.psql('select sync_state from pg_stat_replication')).toBe('sync');
    expect(replica.psql('select pg_is_in_recovery()')).toBe('t');

    primary.psql('create table notes (id int primary key, body text not null)');
    primary.psql("insert into notes values (1, 'seen on the replica')");
    await poll(() => replica.psql('select count(*) from notes where id = 1') === '1');

    // Committed, so flushed on the replica too; the primary dies before anything else happens.
    primary.psql("insert into notes values (2, 'committed just before the crash')");
    primary.kill('SIGKILL');
    expect(() => primary.psql('select 1')).toThrow();

    replica.promote();
    expect(replica.psql('select pg_is_in_recovery()')).toBe('f');
    expect(replica.psql('select id from notes order by id')).toBe('1\n2');
    replica.psql("insert into notes values (3, 'written after the failover')");
    expect(replica.psql('select count(*) from notes')).toBe('3');

    await primary.stop();
    await replica.stop();
    expect(existsSync(dirname(primary.dataDir))).toBe(false);
    expect(existsSync(dirname(replica.dataDir))).toBe(false);
  }, 120_000);

  it('stops the servers of a process that is ended with SIGTERM', async () => {
    const script = `import('./scripts/lib/postgres.mjs').then(async ({ startPostgres }) => {
      const server = await startPostgres();
      console.log(server.dataDir);
      setInterval(() => {}, 1 << 30);
    });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const dataDir = await new Promise<string>((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
    expect(existsSync(dataDir)).toBe(true);

    const ended = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(existsSync(dirname(dataDir))).toBe(false);
  }, 60_000);
});
