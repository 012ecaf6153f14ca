import pino from 'pino';

/**
 * carenav's server log: one JSON line per event, on stdout. Never put names, NHS numbers or
 * anything from a record in it: the e2e suite scans the log of a whole run for them.
 */
const globalForLog = globalThis as unknown as { carenavLog?: pino.Logger };
export const log = (globalForLog.carenavLog ??= pino({ level: process.env.CARENAV_LOG_LEVEL ?? 'info', base: { app: 'carenav' } }));

/** One line per request reaching the app: method and path (ids only; search terms are posted, never in a URL). */
export function logRequest(method: string, url: string): void {
  log.info({ method, url }, 'request');
}
