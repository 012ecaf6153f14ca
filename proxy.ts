import { NextResponse, type NextRequest } from 'next/server';
import { env } from './server/env';
import { logRequest } from './server/log';

/** Production: a real deployment, served over HTTPS (the demo path runs over plain HTTP on localhost). */
const PRODUCTION = env().NODE_ENV === 'production' && !env().CARENAV_DEMO;

/**
 * The Content-Security-Policy of every page: scripts only with this request's nonce (Next adds it
 * to its own scripts), no plugins, no framing, forms post only to carenav. Styles allow inline
 * style attributes (the design system's components and the charts set them); scripts never do.
 */
function pagePolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env().NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(PRODUCTION ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** API answers are data, never documents: nothing may load or frame them. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = isApi ? API_POLICY : pagePolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // The page's path, for the 403 page (which has no params) to know which person's record was refused.
  requestHeaders.set('x-carenav-path', request.nextUrl.pathname);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (PRODUCTION) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  logRequest(request.method, request.nextUrl.pathname);
  return response;
}

export const config = {
  // Not for built assets: they carry the static headers from next.config.js.
  matcher: ['/((?!_next/static|_next/image|nhsuk/|assets/).*)'],
};
