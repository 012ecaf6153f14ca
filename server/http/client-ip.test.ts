import { describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { clientIp } from './client-ip';

describe('the audit IP trusts X-Forwarded-For only from configured proxies (#16 finding 9)', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIp('6.6.6.6', null, [])).toBe('unknown');
    expect(clientIp('6.6.6.6', '192.0.2.10', [])).toBe('192.0.2.10');
  });

  it('takes the address the trusted proxy saw, not what the client claimed', () => {
    expect(clientIp('6.6.6.6, 203.0.113.7', '10.0.0.1', ['10.0.0.1'])).toBe('203.0.113.7');
    expect(clientIp('6.6.6.6, 203.0.113.7, 10.0.0.2', null, ['10.0.0.1', '10.0.0.2'])).toBe('203.0.113.7');
    // A request that did not come from a trusted proxy: its header is the client's word only.
    expect(clientIp('6.6.6.6', '192.0.2.10', ['10.0.0.1'])).toBe('192.0.2.10');
    expect(clientIp(null, null, ['10.0.0.1'])).toBe('unknown');
  });

  it('reads CARENAV_TRUSTED_PROXIES as a list of IP addresses, and refuses anything else', () => {
    expect(readEnv({}).CARENAV_TRUSTED_PROXIES).toEqual([]);
    expect(readEnv({ CARENAV_TRUSTED_PROXIES: ' 10.0.0.1, ::1 ' }).CARENAV_TRUSTED_PROXIES).toEqual(['10.0.0.1', '::1']);
    expect(() => readEnv({ CARENAV_TRUSTED_PROXIES: '10.0.0.1,proxy.local' })).toThrow(/CARENAV_TRUSTED_PROXIES/);
  });
});
