import { isIP } from 'node:net';
import type { Db } from '../../db/client';
import { env } from '../env';
import { resetSharedLimiters, sharedLimiter } from '../rate-limit/limiter';

/**
 * Per-IP and per-subnet throttling of failed password checks (#16 finding 14, decision 012).
 * Each address (and its /24 or /64) may fail CARENAV_SIGN_IN_FAILURES_PER_IP (…_PER_SUBNET) times
 * in 15 minutes; the next failure blocks it for CARENAV_SIGN_IN_BLOCK_MINUTES, and each further
 * block within a day doubles (progressive delay, OWASP), up to MAX_BLOCK_SECONDS.
 */
export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const MAX_BLOCK_SECONDS = 4 * 60 * 60;
const BLOCK_MEMORY_SECONDS = 24 * 60 * 60;

export type ThrottleRule = 'throttled_ip' | 'throttled_subnet';
export type Throttled = { rule: ThrottleRule; waitSeconds: number };

function limiters(db: Db) {
  const { CARENAV_SIGN_IN_FAILURES_PER_IP: perIp, CARENAV_SIGN_IN_FAILURES_PER_SUBNET: perSubnet } = env();
  return {
    ip: sharedLimiter(db, { keyPrefix: 'sign-in-ip', points: perIp, duration: FAILURE_WINDOW_SECONDS }),
    subnet: sharedLimiter(db, { keyPrefix: 'sign-in-subnet', points: perSubnet, duration: FAILURE_WINDOW_SECONDS }),
    /** How many times each address or subnet was blocked in the last day: the block grows with it. */
    blocks: sharedLimiter(db, { keyPrefix: 'sign-in-blocks', points: 1_000_000, duration: BLOCK_MEMORY_SECONDS }),
  };
}

/** The network an address belongs to for throttling: its /24 (IPv4) or /64 (IPv6). */
export function subnetOf(ip: string): string | null {
  const version = isIP(ip);
  if (version === 4) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (version !== 6) return null;
  let text = ip.toLowerCase().split('%')[0] ?? '';
  // A trailing dotted quad (e.g. 64:ff9b::192.0.2.1) is the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, quad.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The keys an attempt from `ip` counts against; none when the address is not known. */
function keysOf(ip: string | null): { rule: ThrottleRule; limiter: 'ip' | 'subnet'; key: string }[] {
  // 'unknown' is every client at once when no trusted proxy is configured: throttling it would let
  // one attacker keep everyone out, the very weapon this closes, so only known addresses are throttled.
  if (!ip || isIP(ip) === 0) return [];
  const subnet = subnetOf(ip);
  return [
    { rule: 'throttled_ip', limiter: 'ip', key: ip },
    ...(subnet ? [{ rule: 'throttled_subnet' as const, limiter: 'subnet' as const, key: subnet }] : []),
  ];
}

/** Whether attempts from `ip` are blocked now: which rule and for how long, or null. */
export async function signInThrottled(db: Db, ip: string | null): Promise<Throttled | null> {
  const l = limiters(db);
  for (const { rule, limiter, key } of keysOf(ip)) {
    const res = await l[limiter].get(key);
    if (res && res.consumedPoints >= l[limiter].points && res.msBeforeNext > 0) {
      return { rule, waitSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    }
  }
  return null;
}

/** Counts one failed password check from `ip`; the failure that reaches the limit starts a block. */
export async function recordSignInFailure(db: Db, ip: string | null): Promise<void> {
  const l = limiters(db);
  const base = env().CARENAV_SIGN_IN_BLOCK_MINUTES * 60;
  for (const { limiter, key } of keysOf(ip)) {
    const res = await l[limiter].penalty(key, 1);
    if (res.consumedPoints >= l[limiter].points) {
      const times = (await l.blocks.penalty(`${limiter}:${key}`, 1)).consumedPoints;
      await l[limiter].block(key, Math.min(base * 2 ** (times - 1), MAX_BLOCK_SECONDS));
    }
  }
}

/** Forgets every count (tests). */
export function resetSignInThrottle(): void {
  resetSharedLimiters();
}
