import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1).default('file:./data/carenav.db'),
  /** "true" only on the demo path (`npm run demo`) and in tests: allows demo accounts. */
  CARENAV_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  NEXTAUTH_SECRET: z.string().optional(),
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
  if (env.NODE_ENV === 'production') {
    if (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET.length < 32) {
      throw new Error(
        'carenav: NEXTAUTH_SECRET must be set to at least 32 random characters in production (e.g. `openssl rand -base64 32`).',
      );
    }
  }
  return env;
}
