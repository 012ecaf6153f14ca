import { z } from 'zod';
import { addDaysIso, startOfDayInEngland, todayInEngland } from '../calendar/england-time';
import { ALL_AT_ONCE, isoDate, parsed } from '../validation';
import { MEASURE_IDS, type MeasureId } from './definitions';

/** Whose people the measures are about: a navigator's own, their team's, or (admin) one team or every organisation. */
export const SCOPES = ['mine', 'team', 'organisation'] as const;
export type Scope = (typeof SCOPES)[number];

export const MeasuresInputSchema = z
  .object({
    from: isoDate('From'),
    to: isoDate('To'),
    scope: z.enum(SCOPES, { error: 'Scope: choose mine, my team or an organisation' }).default('team'),
    /** For scope "organisation": a navigator team, or '' for every organisation. */
    organisationId: z.union([z.literal(''), z.uuid({ error: 'Organisation: choose an organisation from the list' })]).default(''),
    /** Only these measures (default: all of them), e.g. to load or export one. */
    measures: z
      .array(z.enum(MEASURE_IDS as [MeasureId, ...MeasureId[]], { error: 'Measures: choose measures from the list' }))
      .max(MEASURE_IDS.length)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!parsed(ctx, 'from', 'to')) return;
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must be on or after From' });
    else if (v.to > addDaysIso(v.from, 3 * 366)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'To: choose a period of 3 years or less' });
    }
  }, ALL_AT_ONCE);
export type MeasuresInput = z.infer<typeof MeasuresInputSchema>;

/** The period as moments: from the start of `from` to the end of `to`, in England. */
export function periodOf(input: { from: string; to: string }) {
  return { fromMs: startOfDayInEngland(input.from), toMs: startOfDayInEngland(addDaysIso(input.to, 1)) };
}

/** The default period: the last 12 weeks up to today. */
export function defaultPeriod(now = Date.now()) {
  const to = todayInEngland(now);
  return { from: addDaysIso(to, -83), to };
}
