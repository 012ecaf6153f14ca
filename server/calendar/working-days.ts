import Holidays from 'date-holidays';
import { addDaysIso, atEnglandTime, inEngland, isoDayInEngland, weekdayOf } from './england-time';
import published from './england-bank-holidays.json';

/**
 * England and Wales bank holidays: the published GOV.UK list (kept as data, substitute days and
 * one-off holidays included) for the years it covers, and the rules of England and Wales bank
 * holidays (the date-holidays library, checked against the list for every year it covers) for
 * any other year, so a referral's target can always be worked out, however far ahead.
 */
const PUBLISHED = new Set(published.dates);
const PUBLISHED_YEARS = new Set(published.dates.map((d) => Number(d.slice(0, 4))));
const rules = new Holidays('GB', 'ENG');
const byRule = new Map<number, Set<string>>();

/** The bank holidays of one year in England, as YYYY-MM-DD. */
export function bankHolidaysIn(year: number): Set<string> {
  if (PUBLISHED_YEARS.has(year)) return new Set(published.dates.filter((d) => d.startsWith(`${year}-`)));
  let days = byRule.get(year);
  if (!days) {
    days = new Set(
      rules
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    byRule.set(year, days);
  }
  return days;
}

const isBankHoliday = (isoDate: string) => {
  const year = Number(isoDate.slice(0, 4));
  return PUBLISHED_YEARS.has(year) ? PUBLISHED.has(isoDate) : bankHolidaysIn(year).has(isoDate);
};

/** Whether a calendar day in England is a working day: not a weekend, not a bank holiday. */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = weekdayOf(isoDate);
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(isoDate);
}

/**
 * The moment `n` working days after `from`, at the same time of day in England: each step moves to
 * the next day that is neither a weekend nor a bank holiday (so Friday 15:00 + 2 working days is
 * Tuesday 15:00, or Wednesday when Monday is a bank holiday), whatever the clocks did in between.
 */
export function addWorkingDays(from: number, n: number): number {
  const start = inEngland(from);
  let day = isoDayInEngland(from);
  let left = n;
  while (left > 0) {
    day = addDaysIso(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return atEnglandTime(day, start.getHours(), start.getMinutes()) + start.getSeconds() * 1000 + start.getMilliseconds();
}
