import { describe, expect, it } from 'vitest';
import { noStore, refuseCrossSiteWrite, refuseLargeBatch, trpcPaths } from './api-guard';

const APP = 'https://carenav.example.nhs.uk';
const post = (url: string, headers: Record<string, string>) => new Request(url, { method: 'POST', headers, body: '{}' });
const json = { 'content-type': 'application/json' };

describe('refuseCrossSiteWrite', () => {
  it('accepts the public address and the address the request came in on (the Host)', () => {
    expect(refuseCrossSiteWrite(post(`${APP}/api/trpc/x`, { ...json, origin: APP }), [APP])).toBeNull();
    expect(refuseCrossSiteWrite(post('http://127.0.0.1:3100/api/trpc/x', { ...json, origin: 'http://127.0.0.1:3100' }), [APP])).toBeNull();
  });

  it('refuses a sibling site and a different scheme or port of carenav’s own host', async () => {
    for (const origin of ['https://intranet.example.nhs.uk', 'http://carenav.example.nhs.uk', `${APP}:8443`]) {
      const refused = refuseCrossSiteWrite(post(`${APP}/api/trpc/x`, { ...json, origin }), [APP]);
      expect(refused?.status).toBe(403);
      expect(refused?.headers.get('content-type')).toMatch(/application\/json/);
      expect(await refused?.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/cross-site/) as unknown } });
    }
  });

  it('lets reads by GET through without an Origin', () => {
    expect(refuseCrossSiteWrite(new Request(`${APP}/api/trpc/x?input=%7B%7D`), [APP])).toBeNull();
    expect(
      refuseCrossSiteWrite(new Request(`${APP}/api/trpc/x?input=%7B%7D`, { headers: { 'sec-fetch-site': 'same-origin' } }), [APP]),
    ).toBeNull();
  });

  it('refuses a read that the browser marks as coming from another site (a link that would log a look-up in a clinician’s name)', () => {
    for (const site of ['cross-site', 'same-site']) {
      const refused = refuseCrossSiteWrite(
        new Request(`${APP}/api/trpc/patients.get?input=%7B%7D`, { headers: { 'sec-fetch-site': site } }),
        [APP],
      );
      expect(refused?.status).toBe(403);
    }
  });
});

describe('noStore', () => {
  it('marks any answer no-store, keeping status, body, cookies and redirects (whose headers are read-only)', async () => {
    const session = new Response('{"user":{}}', { status: 200, headers: { 'cache-control': 'public, max-age=60' } });
    session.headers.append('set-cookie', 'a=1');
    session.headers.append('set-cookie', 'b=2');
    const marked = noStore(session);
    expect(marked.headers.get('cache-control')).toBe('no-store');
    expect(marked.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await marked.text()).toBe('{"user":{}}');
    const redirect = noStore(Response.redirect(`${APP}/login`, 302));
    expect([redirect.status, redirect.headers.get('location'), redirect.headers.get('cache-control')]).toEqual([
      302,
      `${APP}/login`,
      'no-store',
    ]);
  });
});

describe('trpcPaths and refuseLargeBatch', () => {
  it('counts the calls of a batch, encoded or not, and a malformed path as one', () => {
    expect(trpcPaths(new Request(`${APP}/api/trpc/a.b%2Cc.d,e.f?batch=1`), '/api/trpc')).toEqual(['a.b', 'c.d', 'e.f']);
    expect(trpcPaths(new Request(`${APP}/api/trpc/a.b,c.d`), '/api/trpc')).toEqual(['a.b,c.d']);
    expect(trpcPaths(new Request(`${APP}/api/trpc/a%E0%A4%A`), '/api/trpc')).toEqual(['a%E0%A4%A']);
    expect(refuseLargeBatch(['a', 'b'], 2)).toBeNull();
    expect(refuseLargeBatch(['a', 'b', 'c'], 2)?.status).toBe(413);
  });
});
