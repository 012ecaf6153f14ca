import pino from 'pino';
import { env, type Env } from './env';

/**
 * carenav's server log: one JSON line per event. Never put names, NHS numbers, query strings,
 * tokens, input or anything from a record in it: the e2e suite scans the log of a whole run for
 * names and NHS numbers. Errors go in as their message (`err: errorMessage(error)`), never as the
 * thrown object, whose other fields may carry input.
 */
function createLog(): pino.Logger {
  return pino(
    { level: logLevel(), base: { app: 'carenav' } },
    // The request log on stdout; warnings and errors on stderr, so whoever runs the server sees
    // faults as they happen (scripts/e2e-server.mjs keeps both in the run's log and shows stderr).
    pino.multistream(
      [
        { level: 'trace', stream: pino.destination({ dest: 1, sync: true }) },
        { level: 'warn', stream: pino.destination({ dest: 2, sync: true }) },
      ],
      { dedupe: true },
    ),
  );
}

/**
 * The logger has to exist to report a bad environment, so it never refuses one itself: with any
 * variable wrong it logs at info, and start-up (server/start-up.ts) then stops, naming the variable.
 */
function logLevel(): Env['CARENAV_LOG_LEVEL'] {
  try {
    return env().CARENAV_LOG_LEVEL;
  } catch {
    return 'info';
  }
}

const globalForLog = globalThis as unknown as { carenavLog?: pino.Logger };
export const log = (globalForLog.carenavLog ??= createLog());

/**
 * What to log of something thrown: its message only. A query drizzle ran and the database refused
 * ("Failed query: <SQL> params: <values>") is logged as the database's own message: its values are
 * input (a name searched for, an NHS number), which never goes in the log.
 */
export const errorMessage = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  if (error.message.startsWith('Failed query:')) {
    return error.cause instanceof Error ? `a database query failed: ${errorMessage(error.cause)}` : 'a database query failed';
  }
  return error.message;
};

/**
 * The route of a request, for the log: its path alone. Never the query string, which may carry an
 * NHS number or a name (every tRPC query can be sent by GET with its input in `?input=`) or a token.
 */
export const routeOf = (url: string): string => new URL(url, 'http://carenav.invalid').pathname;

/** One line per request reaching the app: method and route. */
export function logRequest(method: string, url: string): void {
  log.info({ method, url: routeOf(url) }, 'request');
}
