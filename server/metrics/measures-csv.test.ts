import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { exportPeople, measuresCsv } from './measures-csv';

const meta = { from: '2025-01-06', to: '2025-03-30', people: 'my team' };

/** The cells of each line after the header, as a spreadsheet reads them (quotes removed). */
function cellsOf(csv: string): string[][] {
  const lines: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      lines.at(-1)!.push(cell);
      cell = '';
      if (c === '\n') lines.push([]);
    } else {
      cell += c;
    }
  }
  return lines.slice(1, -1);
}

describe('the measures CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula (= + - @ tab CR), keeping numbers as numbers', () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|calc', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
    const csv = measuresCsv(
      [
        {
          title: '=Referral outcomes',
          headline: '@headline',
          columns: ['Service', 'Sent', 'Change'],
          rows: hostile.map((name) => [name, 3, -2]),
        },
      ],
      meta,
    );
    const lines = cellsOf(csv);
    for (const cells of lines) {
      // No cell may start with a character a spreadsheet treats as the start of a formula.
      for (const cell of cells) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    }
    // Each hostile service name is still there, readable, after a leading apostrophe.
    for (const name of hostile) expect(lines.some((cells) => cells[4] === `'${name}`)).toBe(true);
    expect(lines[0]![0]).toBe("'=Referral outcomes");
    expect(lines[0]![6]).toBe("'@headline");
    // Numbers (a negative change too) stay numbers a spreadsheet can sum.
    expect(lines.some((cells) => cells[5] === 'Change' && cells[6] === '-2')).toBe(true);
    expect(lines.some((cells) => cells[5] === 'Sent' && cells[6] === '3')).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    const csv = measuresCsv([{ title: 'Hand-offs', headline: '12', columns: ['Team', 'Count'], rows: [['Riverside team', 4]] }], meta);
    expect(csv.split('\n')[0]).toBe('measure,from,to,people,row,column,value');
    expect(csv).toContain('Hand-offs,2025-01-06,2025-03-30,my team,Riverside team,Count,4');
  });
});

describe('whose people an export names (#16 finding 21)', () => {
  const navigator: Actor = { userId: 'u-nav', name: 'N', role: 'navigator', organisationId: 'org-nav', sector: 'primary' };
  const admin: Actor = { ...navigator, userId: 'u-admin', role: 'admin' };
  const other = '7d1c1c43-5f54-4a8c-9a57-3f0f4f1b2a10';

  it('never echoes an organisation id the navigator’s scope ignored', () => {
    expect(exportPeople(navigator, { scope: 'team', organisationId: other })).toBe('my team');
    expect(exportPeople(navigator, { scope: 'mine', organisationId: other })).toBe('mine');
  });

  it('names the organisation an administrator chose, or every organisation', () => {
    expect(exportPeople(admin, { scope: 'organisation', organisationId: other })).toBe(other);
    expect(exportPeople(admin, { scope: 'organisation', organisationId: '' })).toBe('all organisations');
  });
});
