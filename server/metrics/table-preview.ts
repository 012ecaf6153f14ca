import type { Measure } from './compute-measures';
import type { MeasureId } from './definitions';

type Cell = Measure['rows'][number][number];
type Point = NonNullable<Measure['chart']>['points'][number];

/**
 * /metrics shows every measure on one page, so a long table (a row per service and urgency, per
 * named contact: hundreds for every organisation) is shown there by the rows a reader needs first,
 * and whole, a page of rows at a time, on the measure's own view. Nothing is dropped: the whole
 * table is a link away, and in the CSV.
 */
export const WHOLE_TABLE_MAX = 12;
/** How many rows of a long table /metrics shows. */
export const PREVIEW_ROWS = 5;
/** Rows per page of a table shown whole. */
export const TABLE_PAGE_ROWS = 25;

/** The rows shown first, and which they are in words (null: the table is shown whole). */
export type Preview<T> = { rows: T[]; which: string | null };

const numberOr = (cell: Cell | undefined, missing: number) => (typeof cell === 'number' ? cell : missing);

/** A measure's table as /metrics shows it among the others. */
export function tablePreview(m: Pick<Measure, 'id' | 'rows'>): Preview<Cell[]> {
  if (m.rows.length <= WHOLE_TABLE_MAX) return { rows: m.rows, which: null };
  const first = FIRST[m.id];
  if (first) return first(m.rows);
  return { rows: m.rows.slice(0, PREVIEW_ROWS), which: `the first ${PREVIEW_ROWS}` };
}

/** For the long tables: the rows that most need attention (ties keep the table's order). */
const FIRST: Partial<Record<MeasureId, (rows: Cell[][]) => Preview<Cell[]>>> = {
  // Service, urgency, sent, responded, median, within target (%): the least often within target first.
  referralResponse: (rows) => ({
    rows: [...rows].sort((a, b) => numberOr(a[5], Infinity) - numberOr(b[5], Infinity)).slice(0, PREVIEW_ROWS),
    which: `the ${PREVIEW_ROWS} least often answered within target`,
  }),
  // Named contact, people, open, overdue, per person; the last row is everyone in scope, always shown.
  workload: (rows) => ({
    rows: [
      ...rows
        .slice(0, -1)
        .sort((a, b) => numberOr(b[1], 0) - numberOr(a[1], 0))
        .slice(0, PREVIEW_ROWS),
      rows.at(-1)!,
    ],
    which: `the ${PREVIEW_ROWS} named contacts with the most people, and everyone in scope`,
  }),
};

/**
 * A chart's points as /metrics draws them among the other measures (its table of numbers shows the
 * same): a trend's latest weeks; the lowest bars.
 */
export function chartPreview(chart: NonNullable<Measure['chart']>): Preview<Point> {
  if (chart.points.length <= WHOLE_TABLE_MAX) return { rows: chart.points, which: null };
  if (chart.kind === 'line') return { rows: chart.points.slice(-WHOLE_TABLE_MAX), which: `the latest ${WHOLE_TABLE_MAX}` };
  return { rows: [...chart.points].sort((a, b) => a.value - b.value).slice(0, PREVIEW_ROWS), which: `the ${PREVIEW_ROWS} lowest` };
}

/** One page of a table shown whole: rows from `start` (a row number from 0; one past the table is the first page). */
export function tablePage<T>(rows: T[], start: number): { rows: T[]; start: number; next: number | null } {
  const asked = Number.isSafeInteger(start) && start > 0 ? start : 0;
  const from = asked < rows.length ? asked : 0;
  const end = from + TABLE_PAGE_ROWS;
  return { rows: rows.slice(from, end), start: from, next: end < rows.length ? end : null };
}
