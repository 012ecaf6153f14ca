import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../access/actor';
import { measureScope, type Measure } from './compute-measures';
import type { MeasuresInput } from './measure-input';

/**
 * OWASP CSV injection: a cell starting with = + - @ tab or CR is run as a formula by spreadsheets,
 * and service names (from an imported feed), staff names and reasons are typed by others, so such
 * text gets a leading apostrophe (shown as text, never run). Numbers are never formulas and stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The people an export is about, as written on its lines: named from the scope the measures were
 * computed for, never from the request, so an organisation id the actor's scope ignored (a
 * navigator's export is always their own team's) is not carried back as if it applied.
 */
export function exportPeople(actor: Actor, input: Pick<MeasuresInput, 'scope' | 'organisationId'>): string {
  const scope = measureScope(actor, input);
  if (scope.kind === 'mine') return 'mine';
  if (scope.kind === 'all') return 'all organisations';
  return actor.role === 'admin' ? scope.organisationId : 'my team';
}

/** Which period and people the export is for, written on every line. */
export type MeasuresCsvMeta = { from: string; to: string; people: string };

/**
 * Every measure as CSV, one line per table cell (measure, row, column, value), so the tables of
 * different shapes sit in one file a spreadsheet can filter.
 */
export function measuresCsv(measures: Pick<Measure, 'title' | 'headline' | 'columns' | 'rows'>[], meta: MeasuresCsvMeta): string {
  const { from, to, people } = meta;
  const lines: (string | number | null)[][] = [['measure', 'from', 'to', 'people', 'row', 'column', 'value']];
  for (const m of measures) {
    lines.push([m.title, from, to, people, '', 'Headline', m.headline]);
    m.rows.forEach((row, r) => {
      // Tables whose first column names the row (a service, a named contact) use it as the row's label.
      const labelled = typeof row[0] === 'string';
      row.forEach((cell, i) => {
        if (!labelled || i > 0)
          lines.push([m.title, from, to, people, labelled ? String(row[0]) : String(r + 1), m.columns[i] ?? '', cell]);
      });
    });
  }
  // Every string cell, whatever column it is in, so a new column cannot forget it.
  return stringify(lines, { cast: { string: neutraliseFormula } });
}
