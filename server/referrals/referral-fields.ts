import type { ReferralStatus, Urgency, services } from '../../db/schema';
import { addWorkingDays } from '../calendar/working-days';

export { URGENCIES, REFERRAL_STATUSES } from '../../db/schema';

export const URGENCY_LABELS: Record<Urgency, string> = { urgent: 'Urgent', soon: 'Soon', routine: 'Routine' };

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The status in plain words, as the referrer (or a carer, later) reads it. */
export const REFERRAL_STATUS_WORDS: Record<ReferralStatus, string> = {
  sent: 'sent, waiting to be picked up',
  accepted: 'accepted',
  declined: 'declined',
  in_progress: 'accepted, being worked on',
  completed: 'completed',
  cancelled: 'cancelled',
};

/** Where each status may go next. */
export const REFERRAL_NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

type Targets = Pick<typeof services.$inferSelect, 'targetUrgentHours' | 'targetSoonWorkingDays' | 'targetRoutineWorkingDays'>;

/** When a response is due: urgent in clock hours; soon and routine in working days in England. */
export function targetFor(service: Targets, urgency: Urgency, sentAt: number): number {
  switch (urgency) {
    case 'urgent':
      return sentAt + service.targetUrgentHours * 3_600_000;
    case 'soon':
      return addWorkingDays(sentAt, service.targetSoonWorkingDays);
    case 'routine':
      return addWorkingDays(sentAt, service.targetRoutineWorkingDays);
  }
}
