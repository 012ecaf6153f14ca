import { isIP } from 'node:net';
import { env } from '../env';

/** "::ffff:10.0.0.1" (IPv4 seen on an IPv6 socket) and "10.0.0.1" are one address. */
const normalise = (ip: string) => ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The address to record for a request. X-Forwarded-For is whatever the client wrote unless a proxy
 * we run wrote it, so it is read only when trusted proxies are configured, from the right, skipping
 * those proxies: the first other address is the one the nearest trusted proxy saw. `peer` is the
 * socket's address when known (Next's route handlers do not expose it: with proxies configured the
 * app must be reachable only through them). Anything that is not an IP address is 'unknown'.
 */
export function clientIp(forwardedFor: string | null | undefined, peer: string | null | undefined, trusted: readonly string[]): string {
  const trust = new Set(trusted.map(normalise));
  const from = peer ? normalise(peer) : null;
  const answer = (ip: string | null | undefined) => (ip && isIP(ip) ? ip : 'unknown');
  if (trust.size === 0) return answer(from);
  // A request straight from somewhere other than a trusted proxy: its header is only the client's word.
  if (from && !trust.has(from)) return answer(from);
  const hops = (forwardedFor ?? '').split(',').map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !trust.has(hop)) return answer(hop);
  }
  return answer(hops[0] ?? from);
}

/** The audit IP of a request from its headers, trusting only `CARENAV_TRUSTED_PROXIES`. */
export function requestIp(forwardedFor: string | null | undefined): string {
  return clientIp(forwardedFor, null, env().CARENAV_TRUSTED_PROXIES);
}
