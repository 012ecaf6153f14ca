// Throwaway PostgreSQL servers for tests and for developers (issue #19): Debian's packaged server,
// each on a temporary data directory and a free loopback port, gone when stopped or when the process
// that started it ends. Also a streaming replica of one, for the failover drill.
// `node scripts/lib/postgres.mjs` starts one, prints its URL and stops it on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { aptInstall, isRoot } from './apt.mjs';

const PACKAGE_ROOT = '/usr/lib/postgresql';
const NEEDED = ['initdb', 'postgres', 'pg_ctl', 'pg_basebackup', 'psql'];
const READY_TIMEOUT_MS = 30_000;

/** Servers started by this process and not yet stopped: stopped on exit whatever the tests did. */
const running = new Set();

/**
 * The newest `/usr/lib/postgresql/<version>/bin` that has the server and the tools used here,
 * installing Debian's `postgresql` package first when there is none and we are root (CI).
 */
export function ensurePostgresInstalled() {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot()) {
    throw new Error(
      `carenav: the PostgreSQL tests need Debian's PostgreSQL server (${NEEDED.join(', ')} in ${PACKAGE_ROOT}/<version>/bin). ` +
        'Install it with: sudo apt-get install -y --no-install-recommends postgresql',
    );
  }
  console.log('PostgreSQL is missing: installing Debian’s postgresql package…');
  aptInstall(['postgresql'], { recommends: false });
  const installed = findBinDir();
  if (!installed) throw new Error(`carenav: installed postgresql, but found no server in ${PACKAGE_ROOT}/<version>/bin.`);
  return installed;
}

function findBinDir() {
  if (!existsSync(PACKAGE_ROOT)) return undefined;
  const versions = readdirSync(PACKAGE_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(PACKAGE_ROOT, version, 'bin')).find((bin) => NEEDED.every((tool) => existsSync(join(bin, tool))));
}

/**
 * Starts a fresh server: `{ url, port, dataDir, bin, psql(sql), kill(signal), stop() }`. Options:
 * `database` (created, default `carenav`), `settings` (extra postgresql.conf lines, name → value).
 */
export async function startPostgres({ database = 'carenav', settings = {} } = {}) {
  const bin = ensurePostgresInstalled();
  const dir = makeTempDir('carenav-pg-');
  const dataDir = join(dir, 'data');
  // --no-sync: the cluster is thrown away, so initdb need not wait for the disk (about 0.5 s);
  // the running server still syncs every commit (fsync=on below).
  const init = ['-D', dataDir, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--username=postgres'];
  removeOnFailure(dir, () => runAsServerUser(bin, 'initdb', [...init, '--no-sync', '--no-instructions'], dir));
  appendSettings(dataDir, { ...BASE_SETTINGS, ...settings });
  const server = await launch(bin, dir, dataDir);
  try {
    server.psql(`create database ${quoteIdentifier(database)}`, 'postgres');
  } catch (error) {
    await server.stop();
    throw error;
  }
  return withDatabase(server, database);
}

/**
 * Starts a streaming replica of `primary` (a server from startPostgres) on its own port, from a
 * `pg_basebackup -R` of it. `synchronous: true` makes it the primary's synchronous standby, and
 * waits until it is, so every commit on the primary from then on waits for the replica to have
 * flushed it. Same shape as startPostgres, plus `promote()`.
 */
export async function startReplica(primary, { synchronous = false, name = `replica_${primary.port}` } = {}) {
  // It goes into SQL and a connection string unquoted.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`carenav: a replica's name is lower case letters, digits and _, not ${name}.`);
  const { bin } = primary;
  const dir = makeTempDir('carenav-pg-replica-');
  const dataDir = join(dir, 'data');
  const source = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
  const backup = [...source, '-D', dataDir, '-R', '--checkpoint=fast', '--no-sync'];
  removeOnFailure(dir, () => runAsServerUser(bin, 'pg_basebackup', backup, dir));
  // Last in postgresql.auto.conf, so these win over the lines -R wrote: the primary knows the replica
  // by application_name; a promoted replica must not wait for a standby of its own; and one whose
  // primary is gone retries, and so notices a promotion, within 0.1 s rather than the default 5 s.
  appendSettings(
    dataDir,
    {
      primary_conninfo: `host=127.0.0.1 port=${primary.port} user=postgres application_name=${name}`,
      synchronous_standby_names: '',
      wal_retrieve_retry_interval: '100ms',
    },
    'postgresql.auto.conf',
  );
  const replica = await launch(bin, dir, dataDir);
  try {
    await waitFor(
      () => primary.psql(`select state from pg_stat_replication where application_name = '${name}'`, 'postgres') === 'streaming',
      `${name} streaming from the primary`,
    );
    if (synchronous) {
      primary.psql(`alter system set synchronous_standby_names = '${name}'`, 'postgres');
      primary.psql('select pg_reload_conf()', 'postgres');
      await waitFor(
        () => primary.psql(`select sync_state from pg_stat_replication where application_name = '${name}'`, 'postgres') === 'sync',
        `${name} the primary's synchronous standby`,
      );
    }
  } catch (error) {
    await replica.stop();
    throw error;
  }
  return {
    ...withDatabase(replica, primary.database),
    /** Ends recovery: the replica takes writes. Waits until it does. */
    promote() {
      runAsServerUser(bin, 'pg_ctl', ['promote', '-w', '-t', '60', '-D', dataDir], dir);
    },
  };
}

/** Settings every server gets; the replication ones let any of them be a primary. */
const BASE_SETTINGS = {
  listen_addresses: '127.0.0.1',
  synchronous_commit: 'on',
  fsync: 'on',
  shared_buffers: '32MB',
  // Two app instances, each with a pool, plus tests' own connections and the replicas.
  max_connections: '100',
  wal_level: 'replica',
  max_wal_senders: '10',
  hot_standby: 'on',
};

/**
 * Starts `postgres` on a free port, retrying on another port if one is taken between asking and
 * binding. The postmaster is our child, so stop() can wait for it; and it gets SIGINT (fast
 * shutdown) if the thread that started it dies, even by SIGKILL when no exit handler runs.
 */
async function launch(bin, dir, dataDir) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFile = join(dir, `server-${port}.log`);
    const log = openSync(logFile, 'a');
    const postmaster = spawn(
      'setpriv',
      [
        ...serverUserArgs(),
        '--pdeathsig=INT',
        '--',
        join(bin, 'postgres'),
        ...['-D', dataDir, '-p', String(port)],
        // Debian's server would put its socket in /var/run/postgresql, which the package's own
        // cluster uses and a developer may not be able to write: each server's is in its data dir.
        ...['-k', dataDir],
      ],
      { cwd: dir, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    // A running server does not keep the process alive; the exit handler stops it.
    postmaster.unref();
    const exited = new Promise((resolve) => postmaster.once('exit', resolve));
    const server = makeServer({ bin, dir, dataDir, port, postmaster, exited });
    running.add(server);
    installExitHandlers();
    const outcome = await waitUntilReady(dataDir, postmaster);
    if (outcome === 'ready') return server;
    await server.stop({ keepDir: true });
    const text = readFileSync(logFile, 'utf8');
    if (attempt < 3 && /could not bind|Address already in use/.test(text)) continue;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`carenav: PostgreSQL did not start (${outcome}); its log:\n${text}`);
  }
}

function makeServer({ bin, dir, dataDir, port, postmaster, exited }) {
  let stopping;
  const server = {
    port,
    dataDir,
    bin,
    /** Runs SQL through psql on `database`; returns its output, unaligned, without headers. */
    psql(sql, database) {
      return psql(bin, `postgres://postgres@127.0.0.1:${port}/${database}`, sql);
    },
    /** Sends `signal` to the postmaster (SIGKILL by default: a crash, for the failover drill). */
    kill(signal = 'SIGKILL') {
      process.kill(postmasterPid(dataDir) ?? postmaster.pid, signal);
    },
    /** Fast shutdown, then the directory is removed. Safe to call again. */
    stop({ keepDir = false } = {}) {
      stopping ??= (async () => {
        if (isAlive(postmaster)) {
          postmaster.kill('SIGINT');
          const timeout = setTimeout(() => postmaster.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(timeout);
        }
        running.delete(server);
        // Backends outlive a postmaster killed with SIGKILL by a moment: removal retries.
        if (!keepDir) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      })();
      return stopping;
    },
    /** For the exit handler: no waiting on events, which no longer run then. */
    stopNow() {
      if (isAlive(postmaster) && postmasterPid(dataDir)) {
        runAsServerUser(bin, 'pg_ctl', ['stop', '-m', 'immediate', '-w', '-t', '10', '-D', dataDir], dir, false);
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
  return server;
}

/** What callers get: the server, its database, and psql on that database unless told another. */
function withDatabase(server, database) {
  const { port, dataDir, bin, kill, stop } = server;
  const url = `postgres://postgres@127.0.0.1:${port}/${database}`;
  return { url, port, database, dataDir, bin, kill, stop, psql: (sql, on = database) => server.psql(sql, on) };
}

/** Runs `sql` through psql against `url`; returns its trimmed output (unaligned, tuples only). */
export function psql(bin, url, sql) {
  const result = spawnSync(join(bin, 'psql'), ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    encoding: 'utf8',
    env: clientEnv(),
  });
  if (result.status !== 0) {
    throw new Error(`carenav: psql failed on \`${sql}\`: ${result.error?.message ?? result.stderr.trim()}`);
  }
  return result.stdout.trim();
}

/** The postmaster.pid lines: pid first, and when the server takes connections "ready" or "standby". */
function readPidFile(dataDir) {
  try {
    return readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

function postmasterPid(dataDir) {
  const pid = Number(readPidFile(dataDir)?.[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Not yet seen to exit (a postmaster killed a moment ago may not have been reaped yet). */
const isAlive = (child) => child.exitCode === null && child.signalCode === null;

/** What `pg_ctl start -w` waits for: our postmaster's pid file saying it accepts connections. */
async function waitUntilReady(dataDir, postmaster) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(postmaster)) return `exited with ${postmaster.signalCode ?? postmaster.exitCode}`;
    const lines = readPidFile(dataDir);
    if (lines && Number(lines[0]) === postmaster.pid && /^(ready|standby)/.test(lines[7] ?? '')) return 'ready';
    await sleep(25);
  }
  return 'timed out';
}

async function waitFor(check, what, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`carenav: timed out waiting for ${what}.`);
    await sleep(25);
  }
}

/** Asks the OS for a free loopback port: listen on port 0, read which, close. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A private temporary directory the server's user owns (the server refuses to run as root). */
function makeTempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'data'), { mode: 0o700 });
  if (isRoot()) {
    const { uid, gid } = serverUser();
    for (const owned of [dir, join(dir, 'data')]) chownSync(owned, uid, gid);
  }
  return dir;
}

function removeOnFailure(dir, step) {
  try {
    step();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function appendSettings(dataDir, settings, file = 'postgresql.conf') {
  const lines = Object.entries(settings).map(([name, value]) => `${name} = '${String(value).replaceAll("'", "''")}'\n`);
  appendFileSync(join(dataDir, file), `\n# carenav test server (scripts/lib/postgres.mjs)\n${lines.join('')}`);
}

let user;
/** Debian's package creates the `postgres` user; root runs the server as it. */
function serverUser() {
  if (!user) {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[0] === 'postgres');
    if (!entry) throw new Error('carenav: no `postgres` user to run PostgreSQL as (Debian’s postgresql package creates it).');
    user = { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  return user;
}

/** setpriv's arguments to become the server's user: `postgres` for root, nothing otherwise. */
function serverUserArgs() {
  return isRoot() ? ['--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
}

function runAsServerUser(bin, tool, args, cwd, throwOnFailure = true) {
  const result = spawnSync('setpriv', [...serverUserArgs(), '--', join(bin, tool), ...args], {
    cwd,
    encoding: 'utf8',
    env: clientEnv(),
  });
  if (result.status !== 0 && throwOnFailure) {
    throw new Error(`carenav: ${tool} failed: ${result.error?.message ?? `${result.stderr}${result.stdout}`.trim()}`);
  }
}

/** The environment without PG* variables, which would point the tools at another server. */
function clientEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PG')));
}

function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

let handlersInstalled = false;
/** Stops what is still running when the process ends, by exit or by Ctrl-C or SIGTERM. */
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    const onSignal = () => {
      process.off(signal, onSignal);
      stopAllNow();
      // Then what the signal would have done without us: others' handlers, or the default (dying).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function stopAllNow() {
  for (const server of running) {
    running.delete(server);
    try {
      server.stopNow();
    } catch (error) {
      // Still stop the others; this one's directory is left in the system's temporary directory.
      console.error(`carenav: could not remove PostgreSQL's ${server.dataDir}: ${error}`);
    }
  }
}

async function main() {
  const server = await startPostgres({ database: process.argv[2] ?? 'carenav' });
  console.log(`PostgreSQL ${server.psql('show server_version')} at ${server.url} (data in ${server.dataDir})`);
  console.log('Ctrl-C stops it and removes its data.');
  // The server does not keep the process alive; this does, until Ctrl-C, whose handler (above) stops it.
  setInterval(() => {}, 1 << 30);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
