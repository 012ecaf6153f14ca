import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  ageOn,
  atEnglandTime,
  endOfWorkingDay,
  formatDate,
  formatDateTime,
  formatDay,
  formatMoment,
  inEngland,
  isoDayInEngland,
  parseMoment,
  toWallTime,
  todayInEngland,
  weekStartInEngland,
  weekdayOf,
} from './england-time';

// This file runs three times: under Europe/London, UTC and America/New_York (vitest.config.ts).
// Every expectation is written once, in England's terms, so all three must agree.
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("England's time, whatever the host's zone", () => {
  it('runs in the zone its project names (so the other two runs really test another zone)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });

  it('shows summer times an hour ahead of UTC, and winter times as UTC', () => {
    expect(formatDateTime(utc('2026-07-01T13:30:00Z'))).toBe('1 Jul 2026, 14:30');
    expect(formatDateTime(utc('2026-01-15T13:30:00Z'))).toBe('15 Jan 2026, 13:30');
    expect(formatMoment(utc('2026-07-01T13:30:00Z'))).toBe('2:30pm on 1 July 2026');
    expect(formatDay(utc('2026-07-01T23:30:00Z'))).toBe('2 July 2026');
  });

  it('the clocks going forward (29 March 2026, 01:00 GMT → 02:00 BST)', () => {
    expect(formatDateTime(utc('2026-03-29T00:59:00Z'))).toBe('29 Mar 2026, 00:59');
    expect(formatDateTime(utc('2026-03-29T01:00:00Z'))).toBe('29 Mar 2026, 02:00');
    // Midnight to midnight that day is 23 hours long.
    expect(atEnglandTime('2026-03-30') - atEnglandTime('2026-03-29')).toBe(23 * HOUR);
    expect(endOfWorkingDay('2026-03-30')).toBe(utc('2026-03-30T16:00:00Z'));
    expect(endOfWorkingDay('2026-03-27')).toBe(utc('2026-03-27T17:00:00Z'));
  });

  it('the clocks going back (25 October 2026, 02:00 BST → 01:00 GMT)', () => {
    expect(formatDateTime(utc('2026-10-25T00:30:00Z'))).toBe('25 Oct 2026, 01:30');
    expect(formatDateTime(utc('2026-10-25T01:30:00Z'))).toBe('25 Oct 2026, 01:30');
    expect(formatDateTime(utc('2026-10-25T02:30:00Z'))).toBe('25 Oct 2026, 02:30');
    expect(atEnglandTime('2026-10-26') - atEnglandTime('2026-10-25')).toBe(25 * HOUR);
    expect(endOfWorkingDay('2026-10-23')).toBe(utc('2026-10-23T16:00:00Z'));
    expect(endOfWorkingDay('2026-10-26')).toBe(utc('2026-10-26T17:00:00Z'));
  });

  it('"today" turns over at midnight in England, not at midnight UTC or in New York', () => {
    expect(todayInEngland(utc('2026-07-01T22:59:00Z'))).toBe('2026-07-01');
    expect(todayInEngland(utc('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
    expect(todayInEngland(utc('2026-12-31T23:59:00Z'))).toBe('2026-12-31');
    expect(todayInEngland(utc('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    expect(isoDayInEngland(new Date(utc('2026-03-29T00:30:00Z')))).toBe('2026-03-29');
  });

  it('calendar dates are shown as the day they are, never shifted by a zone', () => {
    expect(formatDate('1948-03-27')).toBe('27 Mar 1948');
    expect(formatDate('2026-10-25')).toBe('25 Oct 2026');
    expect(formatDay('2026-03-29')).toBe('29 March 2026');
    expect(addDaysIso('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDaysIso('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2027-01-01', -1)).toBe('2026-12-31');
    expect(weekdayOf('2026-11-30')).toBe(1);
  });

  it('a week starts on Monday in England', () => {
    // Sunday 29 Mar 2026 at 23:30 BST is still in the week of Monday 23 March.
    expect(weekStartInEngland(utc('2026-03-29T22:30:00Z'))).toBe('2026-03-23');
    // Sunday 1 Nov 2026 at 23:30 GMT: the week of Monday 26 October; 00:30 on Monday is the next week.
    expect(weekStartInEngland(utc('2026-11-01T23:30:00Z'))).toBe('2026-10-26');
    expect(weekStartInEngland(utc('2026-11-02T00:30:00Z'))).toBe('2026-11-02');
  });

  it('a date and time as typed means England’s clock; one with an offset means what it says', () => {
    expect(parseMoment('2026-07-01T14:30')).toBe(utc('2026-07-01T13:30:00Z'));
    expect(parseMoment('2026-01-15T14:30')).toBe(utc('2026-01-15T14:30:00Z'));
    expect(parseMoment('2026-07-01T14:30:15')).toBe(utc('2026-07-01T13:30:15Z'));
    expect(parseMoment('2026-07-01')).toBe(utc('2026-06-30T23:00:00Z'));
    expect(parseMoment('2026-07-01T13:30:00.000Z')).toBe(utc('2026-07-01T13:30:00Z'));
    expect(parseMoment('2026-07-01T14:30:00+01:00')).toBe(utc('2026-07-01T13:30:00Z'));
    expect(parseMoment('next Tuesday')).toBeNaN();
    expect(parseMoment('2026-07-01 14:30 PST')).toBeNaN();
    // What a datetime-local field starts at, and back again.
    expect(toWallTime(utc('2026-07-01T13:30:00Z'))).toBe('2026-07-01T14:30');
    expect(parseMoment(toWallTime(utc('2026-10-25T02:30:00Z')))).toBe(utc('2026-10-25T02:30:00Z'));
  });

  it('age in whole years, on the birthday and the day before', () => {
    expect(ageOn('1948-03-27', '2026-03-26')).toBe(77);
    expect(ageOn('1948-03-27', '2026-03-27')).toBe(78);
    expect(ageOn('1948-02-29', '2026-02-28')).toBe(77);
    expect(ageOn('1948-02-29', '2026-03-01')).toBe(78);
  });
});

describe('dates and times shown (#18: formatted without a TZDate per date)', () => {
  it('match the fields of England’s clock for every quarter hour across both clock changes and the turn of the year', () => {
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    const starts = [utc('2026-03-28T00:00:00Z'), utc('2026-10-24T00:00:00Z'), utc('2026-12-31T12:00:00Z'), utc('1937-09-30T00:00:00Z')];
    for (const start of starts)
      for (let at = start; at < start + 72 * HOUR; at += HOUR / 4 + 7_000) {
        const e = inEngland(at);
        const day = `${e.getDate()} ${MONTHS[e.getMonth()]} ${e.getFullYear()}`;
        expect(formatDate(at)).toBe(day);
        expect(formatDateTime(at)).toBe(`${day}, ${two(e.getHours())}:${two(e.getMinutes())}`);
      }
    expect(formatDate('2026-09-05')).toBe('5 Sep 2026');
    expect(formatDate('1937-02-28')).toBe('28 Feb 1937');
    expect(formatDateTime(utc('2026-09-05T23:05:00Z'))).toBe('6 Sep 2026, 00:05');
  });
});
