import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../../db/connection';
import { env } from '../env';
import { log } from '../log';
import { ABSOLUTE_TIMEOUT_MS, endSession, startSession } from './sessions';
import { requestIp } from '../http/client-ip';
import { SIGN_IN_MESSAGES, signInMessage, verifyCredentials } from './verify-credentials';
import { safeRedirect } from './callback-url';

// Module augmentation only works with interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'next-auth' {
  interface User {
    sid?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/**
 * next-auth 4 with email + password. The JWT carries only a server-side session id; whether that
 * session is still valid (idle, expired, user deactivated) is decided on every request by resolveSession.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  // In production every cookie is Secure (and __Secure-/__Host- prefixed), HttpOnly and SameSite=Lax.
  // Only the demo, served over plain HTTP on localhost, goes without Secure.
  useSecureCookies: env().NODE_ENV === 'production' && !env().CARENAV_DEMO,
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'carenav',
      credentials: {
        email: { label: 'Email address', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === 'string' ? credentials.email : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!email || !password || email.length > 320 || password.length > 200) throw new Error(SIGN_IN_MESSAGES.invalid);
        const db = getDb();
        const forwarded: unknown = req.headers?.['x-forwarded-for'];
        const ip = requestIp(typeof forwarded === 'string' ? forwarded : null);
        const result = await verifyCredentials(db, email, password, undefined, 'auth.signIn', ip);
        if (!result.ok) throw new Error(signInMessage(result));
        const userAgent: unknown = req.headers?.['user-agent'];
        // Recorded so the user can recognise (and end) this sign-in among their sessions.
        const details = { userAgent: typeof userAgent === 'string' ? userAgent : null, ip };
        return { id: result.userId, sid: await startSession(db, result.userId, Date.now(), details) };
      },
    }),
  ],
  callbacks: {
    // After sign-in only a page of carenav (no open redirect); a malformed address falls back home, never a 500.
    redirect: safeRedirect,
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session }) {
      // /api/auth/session answers any script on the page: it says only when the session expires. The
      // session id stays in the encrypted, HttpOnly cookie (read server-side by getActor).
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (token.sid) await endSession(getDb(), token.sid, 'signed_out');
    },
  },
  logger: {
    error(code, metadata) {
      // A wrong password is not a server error; keep the log for real faults.
      if (code === 'CREDENTIALS_SIGNIN_ERROR' || code === 'CLIENT_FETCH_ERROR') return;
      // The code and the kind of fault only: next-auth's messages echo what the request sent (e.g. a callback URL).
      log.error({ code, err: metadata instanceof Error ? metadata.name : undefined }, 'next-auth error');
    },
    warn(code) {
      log.warn({ code }, 'next-auth warning');
    },
    debug() {},
  },
};
