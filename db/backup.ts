import { Database } from './sqlite';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { servingProcess } from './server-lock';

export type DatabaseReport = { integrity: string; tables: Record<string, number> };

/** Row counts of every table, and SQLite's own integrity check. */
export function inspectDatabase(path: string): DatabaseReport {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    const names = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    const tables = Object.fromEntries(names.map((n) => [n, db.prepare(`select count(*) from "${n}"`).pluck().get() as number]));
    return { integrity, tables };
  } finally {
    db.close();
  }
}

/**
 * An online backup with SQLite's backup API: safe while the app is serving and writing (the copy is
 * one consistent moment), then checked. Refuses to overwrite an existing file.
 */
export async function backupDatabase(sourcePath: string, targetPath: string): Promise<DatabaseReport> {
  if (existsSync(targetPath)) throw new Error(`${targetPath} already exists: choose a new file name (a backup never overwrites).`);
  const source = new Database(sourcePath, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    await source.backup(targetPath);
  } finally {
    source.close();
  }
  const report = inspectDatabase(targetPath);
  if (report.integrity !== 'ok') throw new Error(`The backup at ${targetPath} failed its integrity check: ${report.integrity}`);
  return report;
}

/**
 * Replaces the database with a backup. Refuses while a server is using the database, and when the
 * file is not a sound carenav database. The database it replaces is kept beside it, never deleted.
 */
export function restoreDatabase(
  backupPath: string,
  targetPath: string,
  now = new Date(),
): { report: DatabaseReport; keptAs: string | null } {
  const pid = servingProcess(targetPath);
  if (pid) throw new Error(`carenav is running (process ${pid}) on ${targetPath}. Stop it before restoring; nothing was changed.`);
  if (!existsSync(backupPath)) throw new Error(`${backupPath} does not exist.`);
  const report = inspectDatabase(backupPath);
  if (report.integrity !== 'ok') throw new Error(`${backupPath} failed its integrity check (${report.integrity}); nothing was changed.`);
  if (!('patients' in report.tables) || !('audit_log' in report.tables))
    throw new Error(`${backupPath} is not a carenav database; nothing was changed.`);

  let keptAs: string | null = null;
  if (existsSync(targetPath)) {
    // Fold the live database's WAL into it first, so the copy kept aside is complete on its own.
    const live = new Database(targetPath);
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.close();
    keptAs = `${targetPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(targetPath, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${targetPath}${suffix}`, { force: true });
  const staging = `${targetPath}.restoring`;
  copyFileSync(backupPath, staging);
  renameSync(staging, targetPath);
  return { report, keptAs };
}
