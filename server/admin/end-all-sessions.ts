import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { endUserSessions } from '../auth/sessions';
import { Invalid, NotFound } from '../errors';
import { IdSchema } from '../validation';
import { describeAccountChange } from './announce-clinical-account';

export const EndAllSessionsSchema = z.object({ userId: IdSchema('User') });
export type EndAllSessionsInput = z.infer<typeof EndAllSessionsSchema>;

/**
 * An administrator signs a user of their own organisation out everywhere (a lost phone, a shared
 * computer left signed in) without deactivating them. Anyone else, or no one, is not found, and the
 * refusal is audited; the audit row names the user whose sessions were ended.
 */
export async function endAllSessions(db: Db, actor: Actor, input: EndAllSessionsInput, now = Date.now()): Promise<{ ended: number }> {
  const user = await db
    .select({ id: users.id, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, input.userId))
    .get();
  // Only the administrator's own organisation's staff: carers are managed through the people they care for.
  if (!user || user.role === 'carer' || user.role === 'system' || !actor.organisationId || user.organisationId !== actor.organisationId) {
    actor.access?.audit?.refused(null, 'not_found', `user=${input.userId}`);
    throw new NotFound('That user does not exist.');
  }
  if (user.id === actor.userId) {
    throw new Invalid('userId', 'You cannot end your own sessions here; use Your account, Your sessions');
  }
  return await db.transaction(async (tx) => {
    const ended = await endUserSessions(tx, user.id, 'ended_by_admin', now);
    actor.access?.audit?.detail(describeAccountChange(user.id, { sessionsEnded: String(ended) }));
    return { ended };
  });
}
