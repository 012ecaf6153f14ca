import { z } from 'zod';

/** A "true"/"false" switch, off unless set to exactly "true". */
const flag = () =>
  z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true');

/**
 * Every environment variable carenav's server and its CLIs read: default, type and meaning. The
 * README's Configuration table lists the same variables for operators; keep the two in step.
 */
const EnvSchema = z.object({
  /** Set by Next (`next dev`: development, `next start`/`next build`: production) and Vitest (test). */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * The database: a SQLite file, `file:<path>`, created and migrated on first start; or PostgreSQL,
   * `postgres://user:password@host:5432/carenav`, migrated on start (decision 019).
   */
  DATABASE_URL: z.string().min(1).default('file:./data/carenav.db'),
  /** On PostgreSQL, the connections each carenav process keeps open to the database. */
  DATABASE_POOL_SIZE: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(10),
  /**
   * On PostgreSQL, the longest a single query may run before the server cancels it (a runaway
   * query must not hold a connection and its locks for ever). Migrations and db:move have none.
   */
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(30),
  /** "true" only on the demo path (`npm run demo`) and in tests: allows demo accounts. */
  CARENAV_DEMO: flag(),
  /** Signs session cookies; required (32+ characters) in production, checked in readEnv. */
  NEXTAUTH_SECRET: z.string().optional(),
  /** The public address of the app: links in invitations (next-auth reads it too). */
  NEXTAUTH_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address such as https://carenav.example.nhs.uk' })
    .default('http://localhost:3000'),
  /** Patient searches one user may make in a minute (bulk look-up protection; the load test raises it). */
  CARENAV_SEARCHES_PER_MINUTE: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(30),
  /** Failed sign-ins one IP address may make in 15 minutes before it is blocked (#16 finding 14). */
  CARENAV_SIGN_IN_FAILURES_PER_IP: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(30),
  /** Failed sign-ins one network (/24 IPv4, /64 IPv6) may make in 15 minutes before it is blocked. */
  CARENAV_SIGN_IN_FAILURES_PER_SUBNET: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(100),
  /** Failed sign-ins on one account, from all addresses, in 15 minutes before it is locked for 15 minutes. */
  CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(100),
  /** Minutes an address or network is first blocked; each further block within a day doubles it (at most 4 hours). */
  CARENAV_SIGN_IN_BLOCK_MINUTES: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(5),
  /** Emergency (break-glass) accesses to distinct records by one person in the window that alert the reviewers. */
  CARENAV_BREAK_GLASS_ALERT_AFTER: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(3),
  /** Emergency accesses to distinct records by one person in the window beyond which more are refused. */
  CARENAV_BREAK_GLASS_MAX: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(5),
  /** The window, in minutes, of the two emergency-access rules above. */
  CARENAV_BREAK_GLASS_WINDOW_MINUTES: z.coerce.number({ error: 'must be a whole number above 0' }).int().positive().default(60),
  /**
   * Comma-separated IP addresses of the reverse proxies in front of carenav. Only their
   * X-Forwarded-For is believed for the audit log's IP; empty (the default) believes none, since
   * any client can write that header.
   */
  CARENAV_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((ip) => ip.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be a comma-separated list of IP addresses' }))),
  /** The server log's level (pino). */
  CARENAV_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** "true" only when `npm run bench` starts the server: turns on the benchmark's route on a synthetic database. */
  CARENAV_BENCHMARK: flag(),
  /** `npm run admin:create` only: the first administrator's password (one is generated when unset). */
  CARENAV_ADMIN_PASSWORD: z.string().min(1, 'must not be empty: leave it unset to have a password generated').optional(),
  /** The port `next start` and `npm run demo` listen on when not given `-p` (read by Next and the demo script). */
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).optional(),
  /** Set by Next itself: "phase-production-build" while `next build` runs. */
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Validated environment. Fails fast with a message naming the variable, so a misconfigured
 * production server refuses to start instead of serving with a weak or missing secret.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`carenav: invalid environment: ${problems}`);
  }
  const env = parsed.data;
  // `next build` runs with NODE_ENV=production but serves nothing: the secret is required when the server starts.
  if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
    if (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET.length < 32) {
      throw new Error(
        'carenav: NEXTAUTH_SECRET must be set to at least 32 random characters in production (e.g. `openssl rand -base64 32`).',
      );
    }
  }
  return env;
}

const NAMES = Object.keys(EnvSchema.shape) as (keyof Env)[];
let cached: { raw: string; env: Env } | undefined;

/**
 * The process's validated environment: the one way app code (app/, server/, db/, proxy.ts,
 * instrumentation.ts) reads its configuration. Validated on first use and again only when one of
 * the variables changed since (a few property reads per call), so tests and scripts that set
 * process.env before calling see their values.
 */
export function env(): Env {
  const raw = JSON.stringify(NAMES.map((name) => process.env[name] ?? null));
  if (cached?.raw !== raw) cached = { raw, env: readEnv(process.env) };
  return cached.env;
}
