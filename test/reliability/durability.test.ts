/**
 * Durability: acknowledged writes survive SIGKILL at random points; the audit log and timeline are
 * append-only in the database itself; an online backup taken under write load restores exactly.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../db/sqlite';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../db/client';
import { lockPathOf } from '../../db/server-lock';
import { insertTimelineEvent } from '../../db/factories';
import { testDb } from '../db';
import { makeWorld, tableChecksums } from '../world';
import { spawnWriter } from './spawn-writer';

const KILLS = Number(process.env.CRASH_RUNS ?? 3);
const WRITES = 1000;
const tmp = () => mkdtempSync(join(tmpdir(), 'carenav-durability-'));

/** A deterministic sequence of kill points, different for every run. */
function killPoints(n: number, seed = Number(process.env.CRASH_SEED ?? 7)) {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % (WRITES - 1));
  });
}

describe('crash: SIGKILL during 1,000 acknowledged writes', () => {
  for (const [run, killAt] of killPoints(KILLS).entries()) {
    it(
      `run ${run + 1}: killed after ${killAt} acknowledgements → integrity ok, every acknowledged write present`,
      { timeout: 60_000 },
      async () => {
        const path = join(tmp(), 'crash.db');
        const writer = spawnWriter({ DB_PATH: path, WRITES: String(WRITES) }, (count, w) => {
          if (count === killAt) w.child.kill('SIGKILL');
        });
        await writer.exited;
        expect(writer.child.signalCode).toBe('SIGKILL');
        expect(writer.acked.length).toBeGreaterThanOrEqual(killAt);

        const db = new Database(path);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set(db.prepare("select id from timeline_events where kind = 'note'").pluck().all() as string[]);
        const missing = writer.acked.filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
        // Each note was committed with its audit row: never one without the other.
        const audited = db.prepare("select count(*) from audit_log where action = 'timeline.add'").pluck().get() as number;
        expect(audited).toBe(ids.size);
        console.log(
          `crash run ${run + 1}: killed after ${killAt} acks; ${writer.acked.length} acknowledged, ${ids.size} of ${WRITES} on disk`,
        );
        db.close();
      },
    );
  }
});

describe('append-only audit log and timeline', () => {
  it('the database itself refuses UPDATE, DELETE and INSERT OR REPLACE on both', async () => {
    const db = testDb();
    const w = await makeWorld(db);
    const e = await insertTimelineEvent(db, {
      patientId: w.patient.id,
      actorUserId: w.navigator.row.id,
      sector: 'primary',
      body: 'Original',
    });
    db.$client.prepare("insert into audit_log (id, at, action, outcome, rule) values ('audit-1', 1, 'x', 'granted', '')").run();
    const sql = db.$client;
    for (const [table, id] of [
      ['timeline_events', e.id],
      ['audit_log', 'audit-1'],
    ] as const) {
      const col = table === 'audit_log' ? 'action' : 'body';
      expect(() => sql.prepare(`update ${table} set ${col} = 'changed' where id = ?`).run(id)).toThrow(/append-only/);
      expect(() => sql.prepare(`delete from ${table} where id = ?`).run(id)).toThrow(/append-only/);
      const row = sql.prepare(`select * from ${table} where id = ?`).get(id) as Record<string, unknown>;
      const cols = Object.keys(row);
      expect(() =>
        sql
          .prepare(`insert or replace into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`)
          .run(...cols.map((c) => (c === col ? 'replaced' : row[c]))),
      ).toThrow(/append-only/);
      expect(sql.prepare(`select ${col} from ${table} where id = ?`).pluck().get(id)).toBe(table === 'audit_log' ? 'x' : 'Original');
    }
  });
});

describe('backup and restore drill', () => {
  const cli = (script: string, args: string[], dbPath: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
      encoding: 'utf8',
    });

  it('backs up online under write load, refuses to restore while serving, then restores exactly', { timeout: 90_000 }, async () => {
    const dir = tmp();
    const live = join(dir, 'live.db');
    const backup = join(dir, 'backup.db');
    // The writer plays the serving app: it holds the lock and keeps adding notes.
    const writer = spawnWriter({ DB_PATH: live, WRITES: '100000', DELAY_MS: '1', LOCK: '1' });
    await writer.patientId;
    while (writer.acked.length < 200) {
      if (writer.child.exitCode !== null) throw new Error('the writer stopped before writing 200 notes');
      await new Promise((r) => setTimeout(r, 20));
    }

    const ackedBeforeBackup = writer.acked.length;
    const backedUp = cli('db/backup-cli.ts', [backup], live);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.stdout).toMatch(/integrity ok/);
    // The backup ran synchronously, so the writer's acknowledgements are read only now: let them in.
    await new Promise((r) => setTimeout(r, 100));
    const ackedAfterBackup = writer.acked.length;
    expect(cli('db/backup-cli.ts', [backup], live).stderr).toMatch(/already exists/);

    const refused = cli('db/restore-cli.ts', [backup], live);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/carenav is running \(process \d+\).*nothing was changed/);

    writer.child.kill('SIGKILL');
    await writer.exited;
    expect(existsSync(lockPathOf(live))).toBe(true); // left behind by the killed server: ignored, as its process is gone

    const fromBackup = createDb(backup);
    const backupSums = await tableChecksums(fromBackup, []);
    const backupIds = fromBackup.$client.prepare("select id from timeline_events where kind = 'note'").pluck().all() as string[];
    fromBackup.$client.close();
    const liveDb = createDb(live);
    const liveIds = new Set(liveDb.$client.prepare("select id from timeline_events where kind = 'note'").pluck().all() as string[]);
    liveDb.$client.close();
    // The backup is one consistent moment: every note in it is in the live database, and writing went on meanwhile.
    expect(backupIds.length).toBeGreaterThanOrEqual(200);
    expect(backupIds.every((id) => liveIds.has(id))).toBe(true);
    expect(liveIds.size).toBeGreaterThan(backupIds.length);
    expect(ackedAfterBackup).toBeGreaterThan(ackedBeforeBackup);

    const restored = cli('db/restore-cli.ts', [backup], live);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/Restored .* integrity ok.*kept at/);
    const after = createDb(live);
    expect(after.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await tableChecksums(after, [])).toEqual(backupSums);
    after.$client.close();
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).toMatch(/live\.db\.before-restore-/);
  });

  it('refuses a file that is not a sound carenav database, changing nothing', () => {
    const dir = tmp();
    const live = join(dir, 'live.db');
    const db = createDb(live);
    db.$client.exec('create table patients (id text)');
    db.$client.close();
    const other = join(dir, 'other.db');
    new Database(other).exec('create table notes (id text)');
    const refused = cli('db/restore-cli.ts', [other], live);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not a carenav database; nothing was changed/);
    expect(cli('db/restore-cli.ts', [join(dir, 'missing.db')], live).stderr).toMatch(/does not exist/);
  });
});
