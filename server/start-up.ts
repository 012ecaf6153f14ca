import { like } from 'drizzle-orm';
import { getDb } from '../db/connection';
import { users } from '../db/schema';
import { DEMO_EMAIL_DOMAIN } from '../db/seed/demo-accounts';
import { readEnv, type Env } from './env';

/**
 * Opens and migrates the database before the first request. Outside demo mode, refuses to serve a
 * database that holds demo accounts: their password is public.
 */
export function startUp(env: Env): void {
  const db = getDb();
  if (!env.CARENAV_DEMO) {
    const demo = db.select({ email: users.email }).from(users).where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`)).get();
    if (demo) {
      throw new Error(
        `carenav: this database contains demo accounts (e.g. ${demo.email}), whose password is public. Refusing to start in production mode. Use a fresh DATABASE_URL, or run with CARENAV_DEMO=true for a demo.`,
      );
    }
  }
}

/** Runs the start-up checks; on failure, says why and stops the process (Next would otherwise log and keep serving). */
export function startUpOrExit(): void {
  try {
    startUp(readEnv());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
