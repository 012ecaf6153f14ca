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
 * Queries by GET change nothing but the audit log, yet a link on another site could still make a
 * signed-in clinician "look up" a well-known person (an audit row in their name): a read that a
 * browser marks as coming from another site is refused too. Scripts and the header's own fetches
 * (same-origin, or no Sec-Fetch-Site at all) go on.
 */
export function refuseCrossSiteWrite(req: Request, appOrigins: readonly string[]): Response | null {
  // Only GET and HEAD are reads; tRPC refuses every other method for queries.
  if (req.method === 'GET' || req.method === 'HEAD') {
    const site = req.headers.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      return refuse(403, 'FORBIDDEN', 'This request did not come from a carenav page, so it was refused (cross-site request).');
    }
    return null;
  }
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

/** The procedure paths a tRPC request names: `/api/trpc/a.b,c.d?batch=1` names two. */
export function trpcPaths(req: Request, endpoint: string): string[] {
  const raw = new URL(req.url).pathname.slice(endpoint.length + 1);
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape: counted as it stands; tRPC then answers that no such procedure exists.
  }
  return new URL(req.url).searchParams.get('batch') === '1' ? path.split(',') : [path];
}

/** Denial of service: one request may not make the server run an unbounded number of procedures. */
export function refuseLargeBatch(paths: readonly string[], max: number): Response | null {
  if (paths.length <= max) return null;
  return refuse(413, 'PAYLOAD_TOO_LARGE', `A request may make at most ${max} calls; this one made ${paths.length}.`);
}

const tooLarge = (limit: number) =>
  refuse(413, 'PAYLOAD_TOO_LARGE', `The request is too large: at most ${Math.floor(limit / 1024 / 1024)} MB.`);

/**
 * The request with its body read into memory, or a 413 when the body is over `limit` bytes. The
 * fetch adapter has no size limit of its own (tRPC's maxBodySize is for Node's http only), so an
 * unchecked body would be read whole into memory however large; a declared length is refused at
 * once, and a streamed body as soon as it passes the limit.
 */
export async function readBodyWithin(req: Request, limit: number): Promise<Request | Response> {
  if (!req.body) return req;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await req.body.cancel();
    return tooLarge(limit);
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
}
