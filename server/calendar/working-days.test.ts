import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import published from './england-bank-holidays.json';
import { atEnglandTime, inEngland } from './england-time';
import { addWorkingDays, bankHolidaysIn, isWorkingDay } from './working-days';

const london = (y: number, m: number, d: number, h = 10, min = 0) =>
  atEnglandTime(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, h, min);
const iso = (ms: number) => inEngland(ms).toISOString();

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
    expect(isWorkingDay('2028-01-03')).toBe(false);
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

  it('goes on past the published list by the rules: Easter, the May and August Mondays, substitute days', () => {
    // Thu 29 Mar 2029 + 1: Good Friday 30 Mar, weekend, Easter Monday 2 Apr → Tue 3 Apr.
    expect(addWorkingDays(london(2029, 3, 29), 1)).toBe(london(2029, 4, 3));
    // Fri 24 May 2030 + 1: Spring bank holiday Mon 27 May → Tue 28 May.
    expect(addWorkingDays(london(2030, 5, 24), 1)).toBe(london(2030, 5, 28));
    // New Year 2040 is a Sunday: Mon 2 Jan is the substitute.
    expect(isWorkingDay('2040-01-02')).toBe(false);
    // Christmas 2100 is a Saturday: Mon 27 and Tue 28 Dec are the substitutes.
    expect(addWorkingDays(london(2100, 12, 24), 1)).toBe(london(2100, 12, 29));
    // Before the list too.
    expect(isWorkingDay('2024-12-26')).toBe(false);
    expect(isWorkingDay('2024-12-27')).toBe(true);
  });

  it('the rules agree with the published list for every weekday of every year the list covers', () => {
    const years = [...new Set(published.dates.map((d) => Number(d.slice(0, 4))))];
    expect(years.length).toBeGreaterThanOrEqual(4);
    const rules = new Holidays('GB', 'ENG');
    for (const year of years) {
      const byRule = rules
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10))
        .filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
      expect({ year, days: byRule.sort() }).toEqual({ year, days: [...bankHolidaysIn(year)].sort() });
    }
  });
});
