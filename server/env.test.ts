import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('environment', () => {
  it('refuses to start in production without a strong NEXTAUTH_SECRET', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET must be set/);
    expect(() => readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32) }).CARENAV_DEMO).toBe(false);
  });

  it('defaults the database and names a bad variable', () => {
    expect(readEnv({}).DATABASE_URL).toBe('file:./data/carenav.db');
    expect(() => readEnv({ CARENAV_DEMO: 'yes' })).toThrow(/CARENAV_DEMO/);
  });
});
