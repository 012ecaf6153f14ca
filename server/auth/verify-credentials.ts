import { createHmac } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, signInFailures, users } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { newAuditId } from '../ids';
import { env } from '../env';
import { dummyPasswordHash, verifyPassword } from './password';
import { recordSignInFailure, signInThrottled } from './sign-in-throttle';

/** Consecutive failures for one email from one address that lock that email from that address. */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export const SIGN_IN_MESSAGES = {
  invalid: 'Enter a correct email address and password.',
  locked:
    'Too many failed sign-in attempts. For your security, sign-in is locked for 15 minutes. Try again later or contact your administrator.',
  throttled: 'Too many sign-in attempts from your network. Wait 15 minutes and try again.',
} as const;

export type SignInResult =
  { ok: true; userId: string } | { ok: false; error: 'invalid' | 'locked' } | { ok: false; error: 'throttled'; waitMinutes: number };

/** What to tell the person: the same for every account, known or not, so no answer says whether an email exists. */
export function signInMessage(result: Exclude<SignInResult, { ok: true }>): string {
  if (result.error !== 'throttled') return SIGN_IN_MESSAGES[result.error];
  const n = result.waitMinutes;
  return `Too many sign-in attempts from your network. Wait ${n} ${n === 1 ? 'minute' : 'minutes'} and try again.`;
}

/**
 * Checks an email and password. An address (or its network) that failed too often is refused before
 * any password is checked (sign-in-throttle.ts). Ten failures for one email from one address within
 * 15 minutes lock the email from that address for 15 minutes; CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT
 * failures from all addresses lock it everywhere. The answer is the same whether or not the email exists. Every place that takes an
 * account's password (sign-in, accepting a carer invitation, changing one's password) checks it here, named by `action` in
 * the audit log, so no path is a password oracle outside the lock-out.
 */
export async function verifyCredentials(
  db: Db,
  rawEmail: string,
  password: string,
  now = Date.now(),
  action = 'auth.signIn',
  ip: string | null = null,
): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  const user = await db.select().from(users).where(eq(users.email, email)).get();
  // Every attempt leaves exactly one audit row with its IP, so stuffing and lock-outs can be traced.
  // Unknown emails are recorded with no user and nothing of the email (not even a hash: a hash of an
  // email is guessable and still personal data); the IP and time are what an investigation needs.
  const audit = async (outcome: 'granted' | 'denied', rule: string) =>
    await writeAudit(
      db,
      user ? { userId: user.id, name: user.name, role: user.role, organisationId: user.organisationId, sector: null, ip } : null,
      { action, patientId: null, outcome, rule },
      now,
    );
  const withIp = async (rule: string) => (user ? await audit('denied', rule) : await auditUnknown(db, action, rule, ip, now));

  // Refused before argon2 runs, so a blocked address costs the server nothing and learns nothing.
  const throttled = await signInThrottled(db, ip);
  if (throttled) {
    await withIp(throttled.rule);
    return { ok: false, error: 'throttled', waitMinutes: Math.ceil(throttled.waitSeconds / 60) };
  }

  // The hard lock is per email and address, so a stranger's failures cannot keep the clinician out
  // from their own address; the account-wide lock needs many addresses (decision 012).
  // Prefixed keys, the address (never containing a space) before the email, so no typed "email" can
  // be made to equal another's key.
  const pairKey = lockKey(`pair ${ip ?? 'unknown'} ${email}`);
  const accountKey = lockKey(`account ${email}`);
  const accountLimit = env().CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT;
  const locks = await db
    .select()
    .from(signInFailures)
    .where(inArray(signInFailures.email, [accountKey, pairKey]))
    .all();
  if (locks.some((lock) => lock.lockedUntil && lock.lockedUntil > now)) {
    await withIp('locked_out');
    return { ok: false, error: 'locked' };
  }

  // Always run one argon2 verification so timing does not tell whether the account exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (user && passwordOk && user.active) {
    // Only this address's count restarts: a success does not wipe a distributed attack's account-wide count.
    await db.delete(signInFailures).where(eq(signInFailures.email, pairKey)).run();
    await audit('granted', 'password');
    return { ok: true, userId: user.id };
  }
  // The lock-out counts first: the address's count (on PostgreSQL a shared store, which may fail in a
  // failover) must not be able to stop the account's being counted.
  const pair = await recordFailure(db, pairKey, MAX_FAILURES, now);
  const account = await recordFailure(db, accountKey, accountLimit, now);
  await recordSignInFailure(db, ip);
  const result = pair === 'locked' || account === 'locked' ? 'locked' : 'invalid';
  if (result === 'locked') await withIp('locked_out');
  else await withIp(!user ? 'unknown_email' : user.active ? 'wrong_password' : 'deactivated');
  return { ok: false, error: result };
}

/**
 * What the lock table keeps for a typed email (and address): a keyed hash, so it holds no email
 * anyone typed (mistyped ones are someone's too), and a plain hash of a guessed email cannot be
 * matched against it without the server's secret.
 */
function lockKey(text: string): string {
  return createHmac('sha256', env().NEXTAUTH_SECRET ?? 'carenav-development-only')
    .update(text)
    .digest('hex');
}

/** The audit row of an attempt on an email with no account: no user, only the IP. */
async function auditUnknown(db: Db, action: string, rule: string, ip: string | null, now: number) {
  await db.insert(auditLog).values({ id: newAuditId(), at: now, userId: null, action, patientId: null, outcome: 'denied', rule, ip }).run();
}

/** Counts one failure under `key` (an email, or an email from an address): locked at `limit` in the window. */
async function recordFailure(db: Db, key: string, limit: number, now: number): Promise<'invalid' | 'locked'> {
  return await db.transaction(async (tx) => {
    const row = await tx.select().from(signInFailures).where(eq(signInFailures.email, key)).get();
    const inWindow = row && now - row.windowStartAt < FAILURE_WINDOW_MS;
    const failedCount = inWindow ? row.failedCount + 1 : 1;
    const lockedUntil = failedCount >= limit ? now + LOCK_MS : null;
    await tx
      .insert(signInFailures)
      .values({ email: key, failedCount, windowStartAt: inWindow ? row.windowStartAt : now, lockedUntil })
      .onConflictDoUpdate({
        target: signInFailures.email,
        set: {
          failedCount: sql`excluded.failed_count`,
          windowStartAt: sql`excluded.window_start_at`,
          lockedUntil: sql`excluded.locked_until`,
        },
      })
      .run();
    return lockedUntil ? 'locked' : 'invalid';
  });
}
