import { afterEach, describe, expect, it } from 'vitest';
import { env, readEnv } from './env';

describe('environment', () => {
  it('refuses to start in production without a strong NEXTAUTH_SECRET', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET must be set/);
    expect(() => readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(readEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(32) }).CARENAV_DEMO).toBe(false);
  });

  it('lets `next build` run without the secret, which the server then requires when it starts', () => {
    expect(readEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).NODE_ENV).toBe('production');
    expect(() => readEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-server' })).toThrow(/NEXTAUTH_SECRET/);
  });

  it('defaults every variable', () => {
    expect(readEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'file:./data/carenav.db',
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_SECONDS: 30,
      CARENAV_DEMO: false,
      NEXTAUTH_URL: 'http://localhost:3000',
      CARENAV_SEARCHES_PER_MINUTE: 30,
      CARENAV_SIGN_IN_FAILURES_PER_IP: 30,
      CARENAV_SIGN_IN_FAILURES_PER_SUBNET: 100,
      CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT: 100,
      CARENAV_SIGN_IN_BLOCK_MINUTES: 5,
      CARENAV_BREAK_GLASS_ALERT_AFTER: 3,
      CARENAV_BREAK_GLASS_MAX: 5,
      CARENAV_BREAK_GLASS_WINDOW_MINUTES: 60,
      CARENAV_TRUSTED_PROXIES: [],
      CARENAV_LOG_LEVEL: 'info',
      CARENAV_BENCHMARK: false,
    });
  });

  it('reads what is set, as the type the app uses', () => {
    const read = readEnv({
      CARENAV_DEMO: 'true',
      CARENAV_BENCHMARK: 'true',
      CARENAV_SEARCHES_PER_MINUTE: '100000000',
      CARENAV_LOG_LEVEL: 'silent',
      NEXTAUTH_URL: 'https://carenav.example.nhs.uk',
      PORT: '3200',
      CARENAV_ADMIN_PASSWORD: 'a long admin password',
    });
    expect(read).toMatchObject({
      CARENAV_DEMO: true,
      CARENAV_BENCHMARK: true,
      CARENAV_SEARCHES_PER_MINUTE: 100_000_000,
      CARENAV_LOG_LEVEL: 'silent',
      NEXTAUTH_URL: 'https://carenav.example.nhs.uk',
      PORT: 3200,
      CARENAV_ADMIN_PASSWORD: 'a long admin password',
    });
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', ''],
    ['CARENAV_DEMO', 'yes'],
    ['CARENAV_BENCHMARK', '1'],
    ['CARENAV_SEARCHES_PER_MINUTE', '0'],
    ['CARENAV_SEARCHES_PER_MINUTE', '-5'],
    ['CARENAV_SEARCHES_PER_MINUTE', '2.5'],
    ['CARENAV_SEARCHES_PER_MINUTE', 'thirty'],
    ['CARENAV_SEARCHES_PER_MINUTE', ''],
    ['CARENAV_SIGN_IN_FAILURES_PER_IP', '0'],
    ['CARENAV_SIGN_IN_FAILURES_PER_SUBNET', 'many'],
    ['CARENAV_SIGN_IN_FAILURES_PER_ACCOUNT', '-1'],
    ['CARENAV_SIGN_IN_BLOCK_MINUTES', '1.5'],
    ['CARENAV_BREAK_GLASS_ALERT_AFTER', '0'],
    ['CARENAV_BREAK_GLASS_MAX', 'five'],
    ['CARENAV_BREAK_GLASS_WINDOW_MINUTES', ''],
    ['CARENAV_LOG_LEVEL', 'verbose'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_SECONDS', 'half a minute'],
    ['NEXTAUTH_URL', 'carenav.example.nhs.uk'],
    ['NEXTAUTH_URL', 'ftp://carenav.example.nhs.uk'],
    ['CARENAV_ADMIN_PASSWORD', ''],
    ['PORT', '0'],
    ['PORT', '70000'],
    ['PORT', 'http'],
  ])('refuses %s=%j, naming the variable', (name, value) => {
    expect(() => readEnv({ [name]: value })).toThrow(new RegExp(`invalid environment: ${name}: `));
  });

  describe('env()', () => {
    const saved = process.env.CARENAV_SEARCHES_PER_MINUTE;
    afterEach(() => {
      if (saved === undefined) delete process.env.CARENAV_SEARCHES_PER_MINUTE;
      else process.env.CARENAV_SEARCHES_PER_MINUTE = saved;
    });

    it('reads the process environment, and sees a variable a test changes', () => {
      expect(env().NODE_ENV).toBe('test');
      process.env.CARENAV_SEARCHES_PER_MINUTE = '7';
      expect(env().CARENAV_SEARCHES_PER_MINUTE).toBe(7);
      process.env.CARENAV_SEARCHES_PER_MINUTE = '8';
      expect(env().CARENAV_SEARCHES_PER_MINUTE).toBe(8);
      process.env.CARENAV_SEARCHES_PER_MINUTE = 'many';
      expect(() => env()).toThrow(/CARENAV_SEARCHES_PER_MINUTE/);
    });
  });
});
