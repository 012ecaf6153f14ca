import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, signInFailures, users } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { newAuditId } from '../ids';
import { dummyPasswordHash, verifyPassword } from './password';

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export const SIGN_IN_MESSAGES = {
  invalid: 'Enter a correct email address and password.',
  locked:
    'Too many failed sign-in attempts. For your security, sign-in is locked for 15 minutes. Try again later or contact your administrator.',
} as const;

export type SignInResult = { ok: true; userId: string } | { ok: false; error: keyof typeof SIGN_IN_MESSAGES };

/**
 * Checks an email and password. Ten failures for one email within 15 minutes lock it for 15
 * minutes. The answer is the same whether or not the email exists. Every place that takes an
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
  const user = db.select().from(users).where(eq(users.email, email)).get();
  // Every attempt leaves exactly one audit row with its IP, so stuffing and lock-outs can be traced.
  // Unknown emails are recorded with no user and nothing of the email (not even a hash: a hash of an
  // email is guessable and still personal data); the IP and time are what an investigation needs.
  const audit = (outcome: 'granted' | 'denied', rule: string) =>
    writeAudit(
      db,
      user ? { userId: user.id, name: user.name, role: user.role, organisationId: user.organisationId, sector: null, ip } : null,
      { action, patientId: null, outcome, rule },
      now,
    );
  const withIp = (rule: string) => (user ? audit('denied', rule) : auditUnknown(db, action, rule, ip, now));

  const lock = db.select().from(signInFailures).where(eq(signInFailures.email, email)).get();
  if (lock?.lockedUntil && lock.lockedUntil > now) {
    withIp('locked_out');
    return { ok: false, error: 'locked' };
  }

  // Always run one argon2 verification so timing does not tell whether the account exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (user && passwordOk && user.active) {
    db.delete(signInFailures).where(eq(signInFailures.email, email)).run();
    audit('granted', 'password');
    return { ok: true, userId: user.id };
  }
  const result = recordFailure(db, email, now);
  if (result === 'locked') withIp('locked_out');
  else withIp(!user ? 'unknown_email' : user.active ? 'wrong_password' : 'deactivated');
  return { ok: false, error: result };
}

/** The audit row of an attempt on an email with no account: no user, only the IP. */
function auditUnknown(db: Db, action: string, rule: string, ip: string | null, now: number) {
  db.insert(auditLog).values({ id: newAuditId(), at: now, userId: null, action, patientId: null, outcome: 'denied', rule, ip }).run();
}

function recordFailure(db: Db, email: string, now: number): 'invalid' | 'locked' {
  return db.transaction((tx) => {
    const row = tx.select().from(signInFailures).where(eq(signInFailures.email, email)).get();
    const inWindow = row && now - row.windowStartAt < FAILURE_WINDOW_MS;
    const failedCount = inWindow ? row.failedCount + 1 : 1;
    const lockedUntil = failedCount >= MAX_FAILURES ? now + LOCK_MS : null;
    tx.insert(signInFailures)
      .values({ email, failedCount, windowStartAt: inWindow ? row.windowStartAt : now, lockedUntil })
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
