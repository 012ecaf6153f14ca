import { formatDistanceStrict } from 'date-fns';

/** "3 hours left" or "2 days late": how a target time stands now. */
export function timeLeft(targetAt: number, now = Date.now()): { late: boolean; words: string } {
  const words = formatDistanceStrict(targetAt, now);
  return targetAt >= now ? { late: false, words: `${words} left` } : { late: true, words: `${words} late` };
}
