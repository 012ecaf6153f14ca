import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { addWorkingDays, isWorkingDay } from './working-days';

const london = (y: number, m: number, d: number, h = 10, min = 0) => new TZDate(y, m - 1, d, h, min, 0, 'Europe/London').getTime();
const iso = (ms: number) => new TZDate(ms, 'Europe/London').toISOString();

describe('working days in England', () => {
  it('a weekday adds plainly', () => {
    // Tue 3 Nov 2026 → Thu 5 Nov 2026.
    expect(addWorkingDays(london(2026, 11, 3), 2)).toBe(london(2026, 11, 5));
  });

  it('skips the weekend', () => {
    // Fri 6 Nov 2026 15:00 + 2 → Tue 10 Nov 15:00.
    expect(addWorkingDays(london(2026, 11, 6, 15), 2)).toBe(london(2026, 11, 10, 15));
    // Sent on a Saturday: Monday is the first working day.
    expect(addWorkingDays(london(2026, 11, 7), 1)).toBe(london(2026, 11, 9));
  });

  it('skips bank holidays, including substitute days', () => {
    // Thu 2 Apr 2026 + 2: Good Friday (3rd), weekend, Easter Monday (6th) → Tue 7th, Wed 8th.
    expect(addWorkingDays(london(2026, 4, 2), 2)).toBe(london(2026, 4, 8));
    // Christmas 2026: Fri 25th, Boxing Day substitute Mon 28th. Thu 24th + 1 → Tue 29th.
    expect(addWorkingDays(london(2026, 12, 24), 1)).toBe(london(2026, 12, 29));
    // Christmas 2027 falls on a weekend: Mon 27th and Tue 28th are the substitutes.
    expect(addWorkingDays(london(2027, 12, 24), 1)).toBe(london(2027, 12, 29));
    // New Year 2028 is a Saturday: Mon 3 Jan is the holiday.
    expect(addWorkingDays(london(2027, 12, 31), 1)).toBe(london(2028, 1, 4));
    expect(isWorkingDay(new Date(london(2028, 1, 3)))).toBe(false);
  });

  it('keeps the time of day across the change to and from summer time', () => {
    // Fri 27 Mar 2026 09:30 GMT + 1 → Mon 30 Mar 09:30 BST (clocks went forward on the 29th).
    const due = addWorkingDays(london(2026, 3, 27, 9, 30), 1);
    expect(iso(due)).toBe(iso(london(2026, 3, 30, 9, 30)));
    expect(due - london(2026, 3, 27, 9, 30)).toBe(3 * 24 * 3_600_000 - 3_600_000);
  });

  it('ten working days (routine) across a bank holiday', () => {
    // Mon 18 May 2026 + 10: Spring bank holiday Mon 25 May skipped → Tue 2 Jun.
    expect(addWorkingDays(london(2026, 5, 18), 10)).toBe(london(2026, 6, 2));
  });

  it('refuses years without bank holiday data rather than guess', () => {
    expect(() => addWorkingDays(london(2029, 6, 1), 1)).toThrow(/no England bank holiday data for 2029/);
  });
});
