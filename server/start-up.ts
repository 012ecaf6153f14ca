import { like } from 'drizzle-orm';
import { databaseUrl, getDb, openDb, plainTextRemoteDatabase } from '../db/connection';
import { databasePath } from '../db/client';
import { claimServerLock } from '../db/server-lock';
import { users } from '../db/schema';
import { DEMO_EMAIL_DOMAIN } from '../db/seed/demo-accounts';
import { env, type Env } from './env';
import { errorMessage, log } from './log';
import { ESCALATION_INTERVAL_MS, escalateOverdueTasks } from './tasks/escalate-overdue-tasks';
import { flagOverdueReferrals } from './referrals/flag-overdue-referrals';
import { keepDefaultPeriodsUpToDate } from './metrics/kept-measures';
import { claimTick } from './scheduling/run-once-per-tick';

/**
 * Opens and migrates the database before the first request. Outside demo mode, refuses to serve a
 * database that holds demo accounts: their password is public.
 */
export async function startUp(env: Env): Promise<void> {
  // On PostgreSQL the migrations run here (under a lock, so instances starting together take turns).
  if (env.NODE_ENV === 'production' && !env.CARENAV_DEMO && plainTextRemoteDatabase(databaseUrl())) {
    throw new Error(
      'carenav: DATABASE_URL reaches PostgreSQL on another machine without TLS. Add ?sslmode=require (or verify-full with the server’s certificate) to it.',
    );
  }
  const db = await openDb();
  // While this process serves a SQLite file, `npm run db:restore` refuses to replace it. (PostgreSQL is
  // served by several instances at once, and restored by its own tools.)
  if (db.$engine === 'sqlite') claimServerLock(databasePath(databaseUrl()));
  if (env.NODE_ENV === 'production' && env.CARENAV_TRUSTED_PROXIES.length === 0) {
    // Without a trusted proxy no client address is known: sign-in cannot be throttled per address, and
    // ten wrong passwords for an email lock it for everyone for 15 minutes (decision 012).
    log.warn(
      'CARENAV_TRUSTED_PROXIES is not set: client addresses are unknown, so sign-in is not throttled per address and an account lock-out applies to everyone. Put carenav behind a reverse proxy and set it.',
    );
  }
  if (!env.CARENAV_DEMO) {
    const demo = await db
      .select({ email: users.email })
      .from(users)
      .where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`))
      .get();
    if (demo) {
      throw new Error(
        `carenav: this database contains demo accounts (e.g. ${demo.email}), whose password is public. Refusing to start in production mode. Use a fresh DATABASE_URL, or run with CARENAV_DEMO=true for a demo.`,
      );
    }
  }
}

const globalForScheduler = globalThis as unknown as { carenavScheduler?: NodeJS.Timeout; carenavMeasures?: NodeJS.Timeout };

const HOUR_MS = 3_600_000;
/** The first run of keeping measures waits this long after start-up, leaving the start to the first visitors. */
const MEASURES_FIRST_RUN_MS = 5 * 60_000;

/**
 * Scheduled work inside the server process: escalating overdue tasks every minute, so escalation
 * follows within the 5 minutes promised; keeping the measures of the default period ready every
 * hour (`server/metrics/kept-measures.ts`). One set of timers per process, however often start-up runs;
 * with several instances on one database each minute's (and hour's) work runs in the one instance
 * that claims it first (server/scheduling/run-once-per-tick.ts).
 */
export async function startScheduler(): Promise<void> {
  if (globalForScheduler.carenavScheduler) return;
  const run = async () => {
    try {
      const db = getDb();
      if (!(await claimTick(db, 'escalation', ESCALATION_INTERVAL_MS))) return;
      await escalateOverdueTasks(db);
      await flagOverdueReferrals(db);
    } catch (error) {
      log.error({ err: errorMessage(error) }, 'escalating overdue work failed');
    }
  };
  await run();
  globalForScheduler.carenavScheduler = setInterval(() => void run(), ESCALATION_INTERVAL_MS);
  globalForScheduler.carenavScheduler.unref();

  const keepMeasures = async () => {
    try {
      const db = getDb();
      if (await claimTick(db, 'measures', HOUR_MS)) await keepDefaultPeriodsUpToDate(db);
    } catch (error) {
      log.error({ err: errorMessage(error) }, 'keeping the measures up to date failed');
    }
  };
  globalForScheduler.carenavMeasures = setTimeout(() => {
    void keepMeasures();
    globalForScheduler.carenavMeasures = setInterval(() => void keepMeasures(), HOUR_MS).unref();
  }, MEASURES_FIRST_RUN_MS).unref();
}

/** Runs the start-up checks; on failure, says why and stops the process (Next would otherwise log and keep serving). */
export async function startUpOrExit(): Promise<void> {
  try {
    await startUp(env());
    await startScheduler();
  } catch (error) {
    log.fatal({ err: errorMessage(error) }, 'start-up failed');
    process.exit(1);
  }
}
