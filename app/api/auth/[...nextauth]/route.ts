import NextAuth from 'next-auth';
import { authOptions } from '../../../../server/auth/options';
import { refuseMalformedCallbackUrl } from '../../../../server/auth/callback-url';
import { noStore } from '../../../../server/http/api-guard';

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

// A malformed callbackUrl is the caller's mistake: a 400, not next-auth's 500 with the address logged.
// No answer here (the session, with the user's name and role, above all) may be cached: next-auth
// marks only some of them (not the session update by POST, nor the sign-in and provider answers).
const handler = async (req: Request, ctx: unknown) => noStore(refuseMalformedCallbackUrl(req) ?? (await nextAuth(req, ctx)));
export { handler as GET, handler as POST };
