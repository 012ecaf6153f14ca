import { describe, expect, it } from 'vitest';
// next-auth's own request handler, which its route handler wraps (not in its package exports).
import { AuthHandler } from '../../node_modules/next-auth/core/index.js';
import { authOptions } from './options';
import { GET, POST } from '../../app/api/auth/[...nextauth]/route';

const ORIGIN = new URL(process.env.NEXTAUTH_URL ?? 'http://localhost:3000').origin;

/** Posts to next-auth's sign-in as the browser's signIn() does, with this callbackUrl in the body. */
async function postSignIn(callbackUrl: string) {
  try {
    const response = await AuthHandler({
      options: { ...authOptions, secret: 'a test secret of at least thirty-two characters' },
      req: {
        action: 'signin',
        providerId: 'credentials',
        method: 'POST',
        headers: { host: new URL(ORIGIN).host },
        query: {},
        cookies: {},
        body: { callbackUrl },
      },
    });
    return { failed: false, callbackUrl: response.cookies?.find((c) => c.name === 'next-auth.callback-url')?.value };
  } catch (error) {
    // Thrown out of the handler: Next answers 500 and logs the stack trace.
    return { failed: true, callbackUrl: String(error) };
  }
}

/** Calls carenav's next-auth route handler (only the refusals: the rest needs Next's request scope). */
const route = (method: 'GET' | 'POST', path: string, cookie?: string) =>
  (method === 'GET' ? GET : POST)(new Request(`${ORIGIN}${path}`, { method, headers: cookie ? { cookie } : {} }), {
    params: Promise.resolve({ nextauth: path.split('?')[0]!.split('/').slice(3) }),
  });

describe('the sign-in callbackUrl', () => {
  it('a malformed one in the body falls back to carenav’s home instead of a 500', async () => {
    for (const bad of ['http://[', 'not a url', 'http://x:99999/']) {
      const posted = await postSignIn(bad);
      expect(posted, bad).toEqual({ failed: false, callbackUrl: ORIGIN });
    }
  });

  it('a malformed one in the query or the cookie is a 400 naming callbackUrl, and the cookie is cleared', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await route(method, `/api/auth/signin?callbackUrl=${encodeURIComponent('http://[')}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/^callbackUrl: /);
    }
    const cookie = await route('POST', '/api/auth/callback/credentials', `next-auth.callback-url=${encodeURIComponent('http://[')}`);
    expect(cookie.status).toBe(400);
    expect(cookie.headers.get('set-cookie')).toMatch(/^next-auth\.callback-url=; Path=\/; Max-Age=0/);
  });

  it('keeps a path inside carenav and never goes to another site', async () => {
    expect(await postSignIn('/patients')).toEqual({ failed: false, callbackUrl: `${ORIGIN}/patients` });
    expect(await postSignIn(`${ORIGIN}/tasks`)).toEqual({ failed: false, callbackUrl: `${ORIGIN}/tasks` });
    for (const away of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
      expect(await postSignIn(away), away).toEqual({ failed: false, callbackUrl: ORIGIN });
    }
  });
});
