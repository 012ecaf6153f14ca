import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The file beside the database that says which process is serving it. */
export const lockPathOf = (dbPath: string) => `${dbPath}.server.pid`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid of a live process serving this database, or null (a lock left by a killed process is ignored). */
export function servingProcess(dbPath: string): number | null {
  const file = lockPathOf(dbPath);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Marks this process as serving the database until it exits, so that a restore cannot replace it underneath. */
export function claimServerLock(dbPath: string): void {
  if (dbPath === ':memory:') return;
  const file = lockPathOf(dbPath);
  writeFileSync(file, String(process.pid));
  process.once('exit', () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
  });
}
