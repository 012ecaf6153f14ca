import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { getDb } from '../../db/connection';
import type { Actor } from '../access/actor';
import { authOptions } from './options';
import { resolveSession } from './sessions';

/**
 * The signed-in actor for this request (null when signed out or the session has ended). Cached per
 * request: the layout and the page both need it, and the session should be checked (and touched) once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid) return null;
  const actor = resolveSession(getDb(), session.sid);
  if (!actor) return null;
  const h = await headers();
  return { ...actor, ip: h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? h.get('x-real-ip') ?? null };
});
