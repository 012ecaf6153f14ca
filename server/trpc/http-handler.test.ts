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

beforeEach(() => {
  db = testDb();
  const world = makeWorld(db);
  actor = world.navigator.actor;
  notify(db, [actor.userId], { kind: 'task_escalated', title: 'A task is overdue', link: '/tasks' });
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
    expect(countUnread(db, actor)).toBe(1);
  });

  it('refuses text/plain and urlencoded bodies (what a cross-site form can send)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      expect((await markAllRead({ 'content-type': type, origin: APP })).status).toBe(403);
    }
    expect(countUnread(db, actor)).toBe(1);
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
    expect(countUnread(db, actor)).toBe(1);
  });

  it('accepts JSON from carenav’s own origin (by Origin, or by Sec-Fetch-Site when Origin is absent)', async () => {
    const ok = await markAllRead({ 'content-type': 'application/json; charset=utf-8', origin: APP });
    expect(ok.status).toBe(200);
    expect(countUnread(db, actor)).toBe(0);
    notify(db, [actor.userId], { kind: 'task_escalated', title: 'Another', link: '/tasks' });
    expect((await markAllRead({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(countUnread(db, actor)).toBe(0);
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
