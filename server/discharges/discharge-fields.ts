// Pages' client code imports these labels: plain values only, never db/schema's index (drizzle and every table).
import { ACTIVE_DISCHARGE_STATUSES, type DischargePathway, type DischargeStatus } from '../../db/schema/discharge-statuses';

export { DISCHARGE_PATHWAYS, DISCHARGE_STATUSES } from '../../db/schema/discharge-statuses';

export const DISCHARGE_STATUS_LABELS: Record<DischargeStatus, string> = {
  flagged: 'Flagged',
  planned: 'Planned',
  home: 'Home',
  followed_up: 'Followed up',
  closed: 'Closed',
};

export const PATHWAY_LABELS: Record<DischargePathway, string> = {
  0: 'Pathway 0: home, no new support',
  1: 'Pathway 1: home with new support',
  2: 'Pathway 2: short-term bed-based rehabilitation',
  3: 'Pathway 3: new long-term care home placement',
};

/**
 * How far a discharge's checklist has got, in words for the worklist and the discharge page: never
 * "0 of 0 done" (a checklist all cancelled, or none at all, says so).
 */
export function checklistProgress({ done, total, cancelled }: { done: number; total: number; cancelled: number }): string {
  if (total > 0) return `${done} of ${total} done`;
  if (cancelled > 0) return cancelled === 1 ? 'Its one task was cancelled' : `All ${cancelled} tasks cancelled`;
  return 'No checklist tasks';
}

/** Reasons to close a discharge before it has been followed up. */
export const CLOSE_REASONS = [
  'Died',
  'Readmitted to hospital',
  'Moved to a care home',
  'Moved out of the area',
  'Discharge cancelled or flagged in error',
  'Person declined support',
] as const;

/** Where each status may go next. Closing early (before the follow-up) needs a reason. */
export const NEXT_STATUSES: Record<DischargeStatus, readonly DischargeStatus[]> = {
  flagged: ['planned', 'home', 'closed'],
  planned: ['home', 'closed'],
  home: ['followed_up', 'closed'],
  followed_up: ['closed'],
  closed: [],
};

/** Discharges still being worked (the worklist's default view). */
export const ACTIVE_STATUSES: readonly DischargeStatus[] = ACTIVE_DISCHARGE_STATUSES;

/** Status words for the timeline and lists. */
export const STATUS_CHANGE_WORDS: Record<Exclude<DischargeStatus, 'flagged'>, string> = {
  planned: 'Discharge planned',
  home: 'Home from hospital',
  followed_up: 'Discharge followed up',
  closed: 'Discharge closed',
};
