import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { decode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { getDb } from '../../db/connection';
import type { Actor } from '../access/actor';
import { env } from '../env';
import { requestIp } from '../http/client-ip';
import { authOptions } from './options';
import { resolveSession } from './sessions';

/** next-auth's session cookie name (prefixed, and Secure, in production). */
const SESSION_COOKIE = `${authOptions.useSecureCookies ? '__Secure-' : ''}next-auth.session-token`;

const serverSideOptions = {
  ...authOptions,
  callbacks: {
    ...authOptions.callbacks,
    session: ({ session, token }: { session: { expires: string }; token: { sid?: string } }) => ({
      expires: session.expires,
      sid: token.sid,
    }),
  },
};

/**
 * The carenav session id in the signed-in user's token. The token is decrypted and checked (expiry
 * included) with next-auth's own `decode`: getServerSession would run next-auth's whole session
 * endpoint, re-encrypting the token on every request, to the same end (the token carries only the
 * session id, and carenav's sessions table decides whether it is still valid).
 */
async function sessionId(): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  // Without a configured secret (development only: production refuses to start), next-auth derives one
  // itself, so let it decode the token: with a session callback of our own, server-side only, since the
  // one in authOptions (what /api/auth/session answers the browser) leaves the id out.
  if (!secret) return (await getServerSession(serverSideOptions))?.sid ?? null;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const jwt = await decode({ token, secret }).catch(() => null);
  return typeof jwt?.sid === 'string' ? jwt.sid : null;
}

/**
 * The signed-in actor for this request (null when signed out or the session has ended). Cached per
 * request: the layout and the page both need it, and the session should be checked (and touched) once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sid = await sessionId();
  if (!sid) return null;
  const actor = await resolveSession(getDb(), sid);
  if (!actor) return null;
  const h = await headers();
  // X-Forwarded-For only from the configured proxies: anyone can write it (requestIp).
  return { ...actor, ip: requestIp(h.get('x-forwarded-for')) };
});
