import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careTeamMembers } from '../../db/schema';
import type { Actor } from '../access/actor';
import { NotFound } from '../errors';
import { appendEvent } from '../timeline/append-event';
import { IdSchema } from '../validation';

export const RemoveCareTeamMemberSchema = z.object({ patientId: z.uuid(), memberId: IdSchema('Care team member') });
export type RemoveCareTeamMemberInput = z.infer<typeof RemoveCareTeamMemberSchema>;

/** Ends a care-team membership. The row is kept (with when it ended) so history stays true. */
export async function removeCareTeamMember(db: Db, actor: Actor, input: RemoveCareTeamMemberInput): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await tx
      .select()
      .from(careTeamMembers)
      .where(and(eq(careTeamMembers.id, input.memberId), eq(careTeamMembers.patientId, input.patientId), isNull(careTeamMembers.removedAt)))
      .get();
    if (!member) throw new NotFound('That person is not on the care team (they may already have been removed).');
    const now = Date.now();
    await tx.update(careTeamMembers).set({ removedAt: now }).where(eq(careTeamMembers.id, member.id)).run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'care_team_changed',
        summary: `${member.name} (${member.organisationName}) left the care team`,
        subjectType: 'care_team_member',
        subjectId: member.id,
        carerVisible: true,
      },
      now,
    );
  });
}
