import { describe, expect, it } from 'vitest';
import { formatDate } from '../calendar/england-time';
import { shortDateLabel, wrapLabel } from './chart-labels';

describe('chart labels', () => {
  it('writes a week as dates are written elsewhere in carenav, and shortens it to "3 Nov" on the axis', () => {
    expect(formatDate('2026-11-02')).toBe('2 Nov 2026');
    expect(shortDateLabel(formatDate('2026-11-02'))).toBe('2 Nov');
    expect(shortDateLabel('23 Feb 2026')).toBe('23 Feb');
    // A service's name is not a date: left whole.
    expect(shortDateLabel('Befriending 2026')).toBe('Befriending 2026');
    expect(shortDateLabel('Tenancy support')).toBe('Tenancy support');
  });

  it('wraps a long label onto lines at spaces, keeping every word and never an empty line', () => {
    expect(wrapLabel('Tenancy sustainment and home adaptations', 12)).toEqual(['Tenancy', 'sustainment', 'and home', 'adaptations']);
    expect(wrapLabel('Befriending', 8)).toEqual(['Befriending']);
    expect(wrapLabel('  District   nursing ', 20)).toEqual(['District nursing']);
    expect(wrapLabel('', 10)).toEqual([]);
  });
});
