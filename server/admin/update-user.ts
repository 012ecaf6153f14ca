import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { endUserSessions } from '../auth/sessions';
import { Invalid, NotFound } from '../errors';
import { announceClinicalAccount, describeAccountChange, needsSecondLook } from './announce-clinical-account';
import { checkRoleOrganisation } from './create-user';
import { StaffRoleSchema } from './user-fields';

export const UpdateUserSchema = z.discriminatedUnion(
  'change',
  [
    z.object({ userId: z.uuid(), change: z.literal('role'), role: StaffRoleSchema }),
    z.object({ userId: z.uuid(), change: z.literal('deactivate') }),
    z.object({ userId: z.uuid(), change: z.literal('reactivate') }),
  ],
  { error: 'Choose a change: role, deactivate or reactivate' },
);
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

/** Changes a user's role, or deactivates (ending their sessions at once) or reactivates them. */
export async function updateUser(db: Db, actor: Actor, input: UpdateUserInput): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await tx.select().from(users).where(eq(users.id, input.userId)).get();
    // Carers are managed through invitations; carenav's own system user is not an account at all.
    if (!user || user.role === 'carer' || user.role === 'system') throw new NotFound('That user does not exist.');
    if (user.id === actor.userId && input.change !== 'reactivate') {
      throw new Invalid(
        input.change === 'role' ? 'role' : 'userId',
        'You cannot change your own role or deactivate yourself; ask another administrator',
      );
    }
    let role = user.role;
    let active = user.active;
    switch (input.change) {
      case 'role':
        await checkRoleOrganisation(tx, input.role, user.organisationId ?? '');
        await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id)).run();
        role = input.role;
        break;
      case 'deactivate':
        await tx.update(users).set({ active: false }).where(eq(users.id, user.id)).run();
        await endUserSessions(tx, user.id, 'deactivated');
        active = false;
        break;
      case 'reactivate':
        await tx.update(users).set({ active: true }).where(eq(users.id, user.id)).run();
        active = true;
        break;
    }
    // Which account and what changed, old → new, so the log alone shows who was given what.
    actor.access?.audit?.detail(
      describeAccountChange(user.id, {
        role: [user.role, role],
        organisation: [user.organisationId, user.organisationId],
        active: [user.active, active],
      }),
    );
    // Raising an account to a clinical role opens records to it: the other administrators hear of it.
    if (needsSecondLook(user.role, role)) {
      await announceClinicalAccount(tx, actor, { id: user.id, organisationId: user.organisationId, role });
    }
  });
}
