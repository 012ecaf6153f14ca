import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../server/access/actor';

// The page guard and form submission run inside Next; here only what they decide is checked.
const state: { actor: Actor | null; called: string[] } = { actor: null, called: [] };
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
  notFound: () => {
    throw new Error('not found');
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('../server/auth/request-context', () => ({
  serverCaller: () => Promise.resolve({ caller: {}, actor: state.actor }),
}));

const { accountCaller, pageCaller } = await import('../app/lib/guard');
const { submit } = await import('../app/lib/submit');

const navigator: Actor = { userId: 'u1', name: 'Jo Bloggs', role: 'navigator', organisationId: 'o1', sector: 'primary', sessionId: 's1' };

beforeEach(() => {
  state.called = [];
});

describe('a temporary password set by an administrator (#16 finding 17)', () => {
  it('sends every page to /account/password until it is changed, and only that page opens', async () => {
    state.actor = { ...navigator, mustChangePassword: true };
    await expect(pageCaller()).rejects.toThrow('redirect /account/password');
    await expect(accountCaller()).resolves.toMatchObject({ actor: { userId: 'u1' } });
  });

  it('refuses every other form before its procedure is called', async () => {
    state.actor = { ...navigator, mustChangePassword: true };
    const form = new FormData();
    form.set('title', 'Ring');
    await expect(submit(form, z.object({ title: z.string() }), () => Promise.resolve(state.called.push('procedure')))).rejects.toThrow(
      'redirect /account/password',
    );
    expect(state.called).toEqual([]);
  });

  it('lets everyone else through, and sends the signed-out to sign in', async () => {
    state.actor = { ...navigator, mustChangePassword: false };
    await expect(pageCaller()).resolves.toMatchObject({ actor: { userId: 'u1' } });
    state.actor = null;
    await expect(pageCaller()).rejects.toThrow('redirect /login');
    await expect(accountCaller()).rejects.toThrow('redirect /login');
  });
});
