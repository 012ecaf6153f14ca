/** Plain HTTP against a running carenav, with cookies handled by hand (as a script or attacker would). */

export type Session = { cookie: string };

/** Keeps name=value of each Set-Cookie, merged into a Cookie header. */
function mergeCookies(cookie: string, setCookies: string[]): string {
  const jar = new Map(cookie ? cookie.split('; ').map((c) => c.split('=', 2) as [string, string]) : []);
  for (const line of setCookies) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Signs in through next-auth's credentials endpoint, as the login form does. */
export async function signIn(base: string, email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookie = mergeCookies('', csrf.headers.getSetCookie());
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const setCookies = response.headers.getSetCookie();
  cookie = mergeCookies(cookie, setCookies);
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, base).searchParams.get('error') : null;
  return {
    status: response.status,
    setCookies,
    error,
    session: { cookie } satisfies Session,
    signedIn: setCookies.some((c) => c.includes('session-token=')),
  };
}

/** Calls a tRPC procedure over HTTP: queries by GET, mutations by POST. */
export async function trpc(base: string, session: Session | null, path: string, input: unknown, type: 'query' | 'mutation' = 'query') {
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
  const response =
    type === 'query'
      ? await fetch(`${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`, { headers })
      : await fetch(`${base}/api/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', origin: new URL(base).origin },
          body: JSON.stringify(input),
        });
  const json = (await response.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string } } };
  return {
    status: response.status,
    data: json.result?.data as Record<string, unknown> | undefined,
    code: json.error?.data.code,
    message: json.error?.message,
  };
}
