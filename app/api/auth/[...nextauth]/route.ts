import NextAuth from 'next-auth';
import { authOptions } from '../../../../server/auth/options';
import { refuseMalformedCallbackUrl } from '../../../../server/auth/callback-url';

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

// A malformed callbackUrl is the caller's mistake: a 400, not next-auth's 500 with the address logged.
const handler = (req: Request, ctx: unknown) => refuseMalformedCallbackUrl(req) ?? nextAuth(req, ctx);
export { handler as GET, handler as POST };
