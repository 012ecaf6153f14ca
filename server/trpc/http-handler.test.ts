import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import type { Actor } from '../access/actor';
import { notify } from '../notifications/notify';
import { countUnread } from '../notifications/list-notifications';
import { env } from '../env';
import { handleTrpcRequest } from './http-handler';

const APP = new URL(env().NEXTAUTH_URL).origin;

let db: Db;
let actor: Actor;
let admin: Actor;

beforeEach(async () => {
  db = testDb();
  const world = await makeWorld(db);
  actor = world.navigator.actor;
  admin = world.admin.actor;
  await notify(db, [actor.userId], { kind: 'task_escalated', title: 'A task is overdue', link: '/tasks', about: null });
});

const send = (path: string, init: RequestInit = {}) =>
  handleTrpcRequest(new Request(`${APP}/api/trpc/${path}`, init), () => Promise.resolve({ db, actor }));

const markAllRead = (headers: Record<string, string>, body: BodyInit = '{}') =>
  send('notifications.markRead', { method: 'POST', headers, body });

describe('CSRF (#16 finding 12): mutations only as JSON from carenav itself', () => {
  it('refuses a multipart form post of a mutation, changing nothing', async () => {
    const form = new FormData();
    form.set('notificationId', '');
    const response = await send('notifications.markRead', { method: 'POST', headers: { origin: APP }, body: form });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/as JSON/);
    expect(await countUnread(db, actor)).toBe(1);
  });

  it('refuses text/plain and urlencoded bodies (what a cross-site form can send)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      expect((await markAllRead({ 'content-type': type, origin: APP })).status).toBe(403);
    }
    expect(await countUnread(db, actor)).toBe(1);
  });

  it('refuses JSON from another origin, and JSON with no Origin unless the browser says same-origin', async () => {
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      { ...json, origin: 'https://evil.example' },
      { ...json, origin: 'null' },
      { ...json, 'sec-fetch-site': 'same-site' },
      { ...json, 'sec-fetch-site': 'cross-site' },
      json,
    ]) {
      const response = await markAllRead(headers);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/cross-site/);
    }
    expect(await countUnread(db, actor)).toBe(1);
  });

  it('accepts JSON from carenav’s own origin (by Origin, or by Sec-Fetch-Site when Origin is absent)', async () => {
    const ok = await markAllRead({ 'content-type': 'application/json; charset=utf-8', origin: APP });
    expect(ok.status).toBe(200);
    expect(await countUnread(db, actor)).toBe(0);
    await notify(db, [actor.userId], { kind: 'task_escalated', title: 'Another', link: '/tasks', about: null });
    expect((await markAllRead({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(await countUnread(db, actor)).toBe(0);
  });

  it('still answers queries by GET with no Origin (the header’s unread count)', async () => {
    const response = await send('notifications.unreadCount');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: 1 } });
  });
});

describe('no caching of API answers (#16 finding 16)', () => {
  it('marks every tRPC answer Cache-Control: no-store: data, errors, writes, refusals and HEAD', async () => {
    const responses = [
      await send('notifications.unreadCount'),
      await send('notifications.list?input=%7B%7D'),
      await send('patients.get?input=%7B%22patientId%22%3A%22not-an-id%22%7D'),
      await send('no.such.procedure'),
      await markAllRead({ 'content-type': 'application/json', origin: APP }),
      await markAllRead({ 'content-type': 'text/plain', origin: APP }),
      await send('notifications.unreadCount', { method: 'HEAD' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 404, 200, 403, 204]);
    for (const response of responses) expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('batch and body limits (#16 finding 20)', () => {
  const json = { 'content-type': 'application/json', origin: APP };
  const batchOf = (n: number) => `${Array.from({ length: n }, () => 'notifications.unreadCount').join(',')}?batch=1&input=%7B%7D`;
  const messageOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

  it('answers a batch of up to 10 calls and refuses a bigger one with 413, saying so', async () => {
    const ten = await send(batchOf(10));
    expect(ten.status).toBe(200);
    expect(await ten.json()).toHaveLength(10);
    const eleven = await send(batchOf(11));
    expect(eleven.status).toBe(413);
    expect(await messageOf(eleven)).toMatch(/at most 10 calls/);
  });

  it('refuses a body over 1 MB with 413 before anything runs, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(1024 * 1024) });
    const declared = await markAllRead(json, big);
    expect(declared.status).toBe(413);
    expect(await messageOf(declared)).toMatch(/too large/);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await send('notifications.markRead', { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await countUnread(db, actor)).toBe(1);
  });

  it('still takes a body just under the limit', async () => {
    const response = await markAllRead(json, JSON.stringify({ padding: 'x'.repeat(1000 * 1000) }));
    expect(response.status).toBe(200);
    expect(await countUnread(db, actor)).toBe(0);
  });

  it('lets a lone Open Referral import through with a feed of several MB (its schema allows 5 MB)', async () => {
    actor = admin;
    const feed = `[${'"x",'.repeat(600_000)}`; // 2.4 MB, not valid JSON: the import itself answers
    const response = await send('directory.importFeed', { method: 'POST', headers: json, body: JSON.stringify({ feed }) });
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(/not valid JSON/);
  });
});
