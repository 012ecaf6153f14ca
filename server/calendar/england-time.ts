import { TZDate } from '@date-fns/tz';
import { format, startOfWeek } from 'date-fns';

/**
 * England's time: the one place carenav turns moments into days and clock times, and back.
 *
 * carenav is used in England, so "today", a due time, a working day and every date or time shown
 * are England's (GMT in winter, BST in summer), never the server's or the browser's zone: a host
 * running in UTC would otherwise show every time an hour off all summer, and put late-evening
 * work on the wrong day. Nothing else in the code names a time zone or formats a moment; the
 * date-sensitive suites run under TZ=UTC and TZ=America/New_York to prove it.
 *
 * Calendar dates (a date of birth, a due day) travel as `YYYY-MM-DD` strings; moments as ms since
 * the epoch.
 */
export const ENGLAND_ZONE = 'Europe/London';

/** A moment as a date whose fields (year, hours, …) are England's. */
export const inEngland = (at: number | Date) => new TZDate(typeof at === 'number' ? at : at.getTime(), ENGLAND_ZONE);

const pad = (n: number) => String(n).padStart(2, '0');
const partsOf = (isoDate: string) => isoDate.split('-').map(Number) as [number, number, number];

/** The day a moment falls on in England, as YYYY-MM-DD. */
export function isoDayInEngland(at: number | Date): string {
  const d = inEngland(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today's date in England, as YYYY-MM-DD. */
export const todayInEngland = (now = Date.now()) => isoDayInEngland(now);

/** The moment England's clocks show `hours:minutes` on a calendar day. */
export function atEnglandTime(isoDate: string, hours = 0, minutes = 0): number {
  const [y, m, d] = partsOf(isoDate);
  return new TZDate(y, m - 1, d, hours, minutes, 0, ENGLAND_ZONE).getTime();
}

/** Midnight at the start of a day in England. */
export const startOfDayInEngland = (isoDate: string) => atEnglandTime(isoDate);

/** A task due "on" a day is due by the end of the working day there (17:00 in England). */
export const endOfWorkingDay = (isoDate: string) => atEnglandTime(isoDate, 17);

/** A calendar date `days` later (or earlier): plain calendar arithmetic, so no clock change shifts the day. */
export function addDaysIso(isoDate: string, days: number): string {
  const [y, m, d] = partsOf(isoDate);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week of a calendar date: 0 Sunday … 6 Saturday (the same everywhere). */
export function weekdayOf(isoDate: string): number {
  const [y, m, d] = partsOf(isoDate);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The Monday of the week a moment falls in, in England, as YYYY-MM-DD. */
export const weekStartInEngland = (at: number) => isoDayInEngland(startOfWeek(inEngland(at), { weekStartsOn: 1 }));

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A date and time as typed (a datetime-local field: "2026-07-01T14:30", or a day alone, meaning its
 * start) means England's clock; one that names its offset ("…Z", "…+01:00") is taken as it says.
 * NaN when it is neither.
 */
export function parseMoment(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return startOfDayInEngland(text);
  const wall = WALL_TIME.exec(text);
  if (wall) {
    const [, day, h, min, s] = wall as unknown as [string, string, string, string, string | undefined];
    return atEnglandTime(day, Number(h), Number(min)) + Number(s ?? 0) * 1000;
  }
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? Date.parse(text) : Number.NaN;
}

/** A moment as the value of a datetime-local field, in England's time: "2026-07-01T14:30". */
export const toWallTime = (at: number) => format(inEngland(at), "yyyy-MM-dd'T'HH:mm");

const asMoment = (dateOrMs: string | number) => (typeof dateOrMs === 'string' ? startOfDayInEngland(dateOrMs) : dateOrMs);

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** One formatter, made once: a page shows dozens of dates, and a TZDate with date-fns costs far more per date. */
const ENGLAND_FIELDS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ENGLAND_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** England's calendar and clock fields of a moment. */
function englandFields(ms: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of ENGLAND_FIELDS.formatToParts(ms))
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  return fields;
}

/** "21 Nov 2026": a calendar date, or the day a moment falls on in England. */
export function formatDate(dateOrMs: string | number): string {
  if (typeof dateOrMs === 'string') {
    const [y, m, d] = partsOf(dateOrMs);
    const valid = new Date(Date.UTC(y, m - 1, d));
    if (valid.getUTCFullYear() === y && valid.getUTCMonth() === m - 1 && valid.getUTCDate() === d)
      return `${d} ${MONTHS_SHORT[m - 1]} ${y}`;
  }
  const { year, month, day } = englandFields(asMoment(dateOrMs));
  return `${day} ${MONTHS_SHORT[month - 1]} ${year}`;
}

/** "21 November 2026". */
export const formatDay = (dateOrMs: string | number) => format(inEngland(asMoment(dateOrMs)), 'd MMMM yyyy');

/** "21 Nov 2026, 15:40" in England. */
export function formatDateTime(ms: number): string {
  const { year, month, day, hour, minute } = englandFields(ms);
  return `${day} ${MONTHS_SHORT[month - 1]} ${year}, ${pad(hour)}:${pad(minute)}`;
}

/** "3:40pm on 21 November 2026" in England: for sentences people read. */
export const formatMoment = (ms: number) => format(inEngland(ms), "h:mmaaa 'on' d MMMM yyyy");

/** Age in whole years on a day (today in England by default). */
export function ageOn(dateOfBirth: string, onDay = todayInEngland()): number {
  const [by, bm, bd] = partsOf(dateOfBirth);
  const [y, m, d] = partsOf(onDay);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
