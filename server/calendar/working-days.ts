import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend } from 'date-fns';
import holidays from './england-bank-holidays.json';

const ZONE = 'Europe/London';
const BANK_HOLIDAYS = new Set(holidays.dates);
const FIRST_YEAR = Number(holidays.dates[0]!.slice(0, 4));
const LAST_YEAR = Number(holidays.dates.at(-1)!.slice(0, 4));

/** Whether a day in England is a working day: not a weekend, not a bank holiday. */
export function isWorkingDay(day: Date): boolean {
  const year = day.getFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    // Targets would silently skip holidays that are not in the data: refuse instead.
    throw new Error(`carenav: no England bank holiday data for ${year}; update server/calendar/england-bank-holidays.json`);
  }
  return !isWeekend(day) && !BANK_HOLIDAYS.has(format(day, 'yyyy-MM-dd'));
}

/**
 * The moment `n` working days after `from`, at the same time of day in England: each step moves to
 * the next day that is neither a weekend nor a bank holiday (so Friday 15:00 + 2 working days is
 * Tuesday 15:00, or Wednesday when Monday is a bank holiday).
 */
export function addWorkingDays(from: number, n: number): number {
  let day = new TZDate(from, ZONE);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day.getTime();
}
