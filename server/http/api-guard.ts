/**
 * Checks on requests to carenav's HTTP API made before any procedure runs. Each takes a `Request`
 * and returns the refusal to send (a `Response`) or null to go on, so each is tested without a server.
 */

/** A refusal as the tRPC client reads it: JSON with a message and a code. */
function refuse(status: number, code: string, message: string): Response {
  return Response.json({ error: { message, code } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * CSRF: a mutation is accepted only as JSON from carenav's own pages. A cross-site form or
 * `fetch(..., { mode: 'no-cors' })` can send only form, multipart or text bodies, never
 * `application/json` without a CORS preflight (which carenav never answers), and browsers mark
 * every POST with `Origin` (or, on old ones, `Sec-Fetch-Site`), which another site cannot forge.
 * Queries by GET are not checked: they change nothing but the audit log, and the header's unread
 * count fetches them without an Origin header.
 */
export function refuseCrossSiteWrite(req: Request, appOrigins: readonly string[]): Response | null {
  // Only GET and HEAD are reads; tRPC refuses every other method for queries.
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const contentType = (req.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  // Forms (urlencoded, multipart) and text/plain are what another site can post without asking first.
  if (contentType !== 'application/json') {
    return refuse(403, 'FORBIDDEN', 'Changes to carenav must be sent as JSON (content-type: application/json).');
  }
  const origin = req.headers.get('origin');
  const own = new Set([...appOrigins, new URL(req.url).origin]);
  // "null" is the Origin of sandboxed frames and some redirects: never carenav's own page.
  if (origin !== null ? !own.has(origin) : req.headers.get('sec-fetch-site') !== 'same-origin') {
    return refuse(403, 'FORBIDDEN', 'This change was not sent from a carenav page, so it was refused (cross-site request).');
  }
  return null;
}

/**
 * The response with `Cache-Control: no-store`: API answers carry health data and session details,
 * which no browser, proxy or CDN cache may keep. Copied into a new Response because some (redirects)
 * have read-only headers.
 */
export function noStore(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
