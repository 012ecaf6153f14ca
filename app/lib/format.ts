import { formatDistanceToNowStrict } from 'date-fns';
import type { RiskLevel, Sector } from '../../db/schema';

// Every date and time on a page is England's, whatever zone the server or the browser is in.
export { ageOn as ageFrom, formatDate, formatDateTime } from '../../server/calendar/england-time';
export const timeAgo = (ms: number) => `${formatDistanceToNowStrict(new Date(ms))} ago`;
export { formatNhsNumber } from '../../server/patients/nhs-number';

export const SECTOR_LABELS: Record<Sector, string> = {
  primary: 'Primary care',
  secondary: 'Hospital',
  social: 'Social care',
  housing: 'Housing',
  voluntary: 'Voluntary sector',
  community: 'Community health',
  carer: 'Carer',
};

export const RISK_TAG: Record<RiskLevel, { label: string; modifier: 'red' | 'orange' | 'green' }> = {
  high: { label: 'High risk', modifier: 'red' },
  medium: { label: 'Medium risk', modifier: 'orange' },
  low: { label: 'Low risk', modifier: 'green' },
};

export const DISCHARGE_STATUS_TAG: Record<string, 'blue' | 'purple' | 'orange' | 'green' | 'grey'> = {
  flagged: 'orange',
  planned: 'blue',
  home: 'purple',
  followed_up: 'green',
  closed: 'grey',
};

export const TASK_STATUS_TAG: Record<string, 'white' | 'blue' | 'green' | 'grey'> = {
  open: 'white',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'grey',
};
