import { describe, expect, it } from 'vitest';
import { PREVIEW_ROWS, TABLE_PAGE_ROWS, WHOLE_TABLE_MAX, chartPreview, tablePage, tablePreview } from './table-preview';

const services = (n: number) =>
  Array.from({ length: n }, (_, i) => [`Service ${String(i).padStart(3, '0')}`, 'Urgent', 10, 8, 4, i === 3 ? null : (i * 37) % 100]);

describe('long measure tables on /metrics', () => {
  it('shows a short table whole', () => {
    const rows = services(WHOLE_TABLE_MAX);
    expect(tablePreview({ id: 'referralResponse', rows })).toEqual({ rows, which: null });
  });

  it('shows the services least often answered within target first (no share last), with the whole table a link away', () => {
    const rows = services(102);
    const preview = tablePreview({ id: 'referralResponse', rows });
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    const shares = preview.rows.map((r) => r[5] as number);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(Math.min(...rows.flatMap((r) => (typeof r[5] === 'number' ? [r[5]] : [])))).toBe(shares[0]);
    expect(preview.which).toBe(`the ${PREVIEW_ROWS} least often answered within target`);
  });

  it('shows the named contacts with the most people, and always the row for everyone in scope', () => {
    const contacts = Array.from({ length: 300 }, (_, i) => [`Contact ${i}`, (i * 7919) % 301, 1, 0, 0.1]);
    const everyone = ['Everyone in scope', 45000, 300, 0, 0.1];
    const preview = tablePreview({ id: 'workload', rows: [...contacts, everyone] });
    expect(preview.rows).toHaveLength(PREVIEW_ROWS + 1);
    expect(preview.rows.at(-1)).toEqual(everyone);
    const people = preview.rows.slice(0, -1).map((r) => r[1] as number);
    expect(people).toEqual([...people].sort((a, b) => b - a));
    expect(people[0]).toBe(Math.max(...contacts.map((c) => c[1] as number)));
  });

  it('draws a long bar chart by its lowest bars and a long trend by its latest weeks', () => {
    const bars = {
      kind: 'bar' as const,
      label: 'Share',
      unit: '%',
      points: services(34).map((r, i) => ({ label: String(r[0]), value: (i * 37) % 100 })),
    };
    const lowest = chartPreview(bars);
    expect(lowest.rows.map((p) => p.value)).toEqual([...bars.points.map((p) => p.value)].sort((a, b) => a - b).slice(0, PREVIEW_ROWS));
    const weeks = {
      kind: 'line' as const,
      label: 'Trend',
      unit: 'hours',
      points: Array.from({ length: 52 }, (_, i) => ({ label: `w${i}`, value: i })),
    };
    expect(chartPreview(weeks).rows.map((p) => p.label)).toEqual(weeks.points.slice(-WHOLE_TABLE_MAX).map((p) => p.label));
    expect(chartPreview({ ...weeks, points: weeks.points.slice(0, 12) }).which).toBeNull();
  });

  it('pages a table shown whole: every row exactly once, in order; a row past the end starts again', () => {
    const rows = services(102);
    const seen: unknown[] = [];
    let start: number | null = 0;
    while (start !== null) {
      const page: ReturnType<typeof tablePage<unknown[]>> = tablePage(rows, start);
      expect(page.rows.length).toBeLessThanOrEqual(TABLE_PAGE_ROWS);
      seen.push(...page.rows);
      start = page.next;
    }
    expect(seen).toEqual(rows);
    expect(tablePage(rows, 500).start).toBe(0);
    expect(tablePage(rows, -3).start).toBe(0);
    expect(tablePage(rows, Number('abc')).start).toBe(0);
  });
});
