import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { WELLBEING_KINDS, users, wellbeingScores } from '../../db/schema';
import type { Actor } from '../access/actor';
import { Invalid } from '../errors';
import { newId } from '../ids';
import { todayInEngland } from '../calendar/england-time';
import { appendEvent } from '../timeline/append-event';
import { isoDate } from '../validation';

const score = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: `${label}: choose a score from 0 to 10` })
      .int(`${label}: choose a whole number from 0 to 10`)
      .min(0, `${label}: choose a score from 0 to 10`)
      .max(10, `${label}: choose a score from 0 to 10`),
  );

/** The four ONS personal wellbeing questions, as asked. */
export const ONS4_QUESTIONS = {
  lifeSatisfaction: 'Overall, how satisfied are you with your life nowadays?',
  worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  happiness: 'Overall, how happy did you feel yesterday?',
  anxiety: 'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?',
} as const;

export const RecordWellbeingSchema = z.object({
  patientId: z.uuid(),
  kind: z.enum(WELLBEING_KINDS, { error: 'Choose baseline or follow-up' }),
  lifeSatisfaction: score('Life satisfaction'),
  worthwhile: score('Worthwhile'),
  happiness: score('Happiness'),
  anxiety: score('Anxiety'),
  // Checked with the other fields (not after them in the use case), so every problem is told at once.
  answeredOn: isoDate('Date answered').refine((v) => v <= todayInEngland(), 'Date answered cannot be in the future'),
});
export type RecordWellbeingInput = z.infer<typeof RecordWellbeingSchema>;

/** Records a person's ONS4 answers (a baseline, or a follow-up after one), with a timeline entry. */
export async function recordWellbeing(db: Db, actor: Actor, input: RecordWellbeingInput): Promise<{ id: string }> {
  return await db.transaction(async (tx) => {
    const hasBaseline = await tx
      .select({ id: wellbeingScores.id })
      .from(wellbeingScores)
      .where(and(eq(wellbeingScores.patientId, input.patientId), eq(wellbeingScores.kind, 'baseline')))
      .limit(1)
      .get();
    if (input.kind === 'follow_up' && !hasBaseline) throw new Invalid('kind', 'Record a baseline before a follow-up');
    const id = newId();
    const now = Date.now();
    await tx
      .insert(wellbeingScores)
      .values({ id, ...input, recordedByUserId: actor.userId, recordedAt: now })
      .run();
    await appendEvent(
      tx,
      actor,
      {
        patientId: input.patientId,
        kind: 'wellbeing_recorded',
        summary: `Wellbeing (ONS4) ${input.kind === 'baseline' ? 'baseline' : 'follow-up'}: life satisfaction ${input.lifeSatisfaction}, worthwhile ${input.worthwhile}, happiness ${input.happiness}, anxiety ${input.anxiety}`,
        subjectType: 'wellbeing',
        subjectId: id,
      },
      now,
    );
    return { id };
  });
}

/** A person's ONS4 answers, newest first. */
export async function listWellbeing(db: Db, patientId: string) {
  return await db
    .select({
      id: wellbeingScores.id,
      kind: wellbeingScores.kind,
      lifeSatisfaction: wellbeingScores.lifeSatisfaction,
      worthwhile: wellbeingScores.worthwhile,
      happiness: wellbeingScores.happiness,
      anxiety: wellbeingScores.anxiety,
      answeredOn: wellbeingScores.answeredOn,
      recordedByName: users.name,
    })
    .from(wellbeingScores)
    .innerJoin(users, eq(wellbeingScores.recordedByUserId, users.id))
    .where(eq(wellbeingScores.patientId, patientId))
    .orderBy(desc(wellbeingScores.answeredOn), desc(wellbeingScores.recordedAt))
    .all();
}
