/**
 * Where next-auth may send someone after signing in: a page of carenav, never another site (open
 * redirects), and never an exception for an address that does not parse.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  try {
    // Browsers drop tabs and newlines from addresses ("/\t/evil" is "//evil"), and read "\" as "/".
    if (/[\u0000-\u001f\u007f\\]/.test(url)) return baseUrl;
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    // Only carenav's own origin: a path ("/patients") or a full address on carenav itself.
    if (target.origin !== base.origin || (!url.startsWith('/') && !url.startsWith(base.origin))) return baseUrl;
    if (url.startsWith('//')) return baseUrl;
    return target.href;
  } catch {
    return baseUrl;
  }
}

/** Whether next-auth can read this callbackUrl at all (its own check rejects the request otherwise). */
function readable(url: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}

export const CALLBACK_URL_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'] as const;

/**
 * A malformed callbackUrl (in the query or the callback cookie) would make next-auth refuse with a
 * server error and write the address into the log: answer 400 instead, clear the cookie, log nothing.
 */
export function refuseMalformedCallbackUrl(request: Request): Response | null {
  const url = new URL(request.url);
  const query = url.searchParams.get('callbackUrl');
  const cookies = (request.headers.get('cookie') ?? '').split(';').map((c) => c.trim());
  const badCookies = CALLBACK_URL_COOKIES.filter((name) =>
    cookies.some((c) => {
      if (!c.startsWith(`${name}=`)) return false;
      try {
        return !readable(decodeURIComponent(c.slice(name.length + 1)), url.origin);
      } catch {
        return true;
      }
    }),
  );
  if ((query === null || readable(query, url.origin)) && badCookies.length === 0) return null;
  const response = new Response('callbackUrl: not an address in carenav. Go to /login to sign in.', {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
  for (const name of badCookies) {
    response.headers.append(
      'Set-Cookie',
      `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`,
    );
  }
  return response;
}
