import { createElement as h, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../app/components/table';

const table = (responsive: boolean) =>
  renderToStaticMarkup(
    h(Table, {
      responsive,
      caption: 'People',
      children: [
        h(TableHead, {
          key: 'head',
          children: h(TableRow, {
            children: [h(TableCell, { key: 1 }, 'Name'), h(TableCell, { key: 2 }, h('span', null, 'Last ', h('b', null, 'contact')))],
          }),
        }),
        h(TableBody, {
          key: 'body',
          children: h(TableRow, {
            children: [
              h(TableCell, { key: 1 }, 'Joan Marsh'),
              h(TableCell, { key: 2 }, h(Fragment, null, '3 days ago', ' ', h('strong', null, 'Overdue'))),
            ],
          }),
        }),
      ],
    }),
  );

describe('the responsive table (#17 item 9, #18)', () => {
  it('gives each body cell its column heading as data-label (words only), with no heading markup in the cell', () => {
    const html = table(true);
    expect(html).toContain('<td class="nhsuk-table__cell" role="cell" data-label="Name">Joan Marsh</td>');
    // A heading with markup gives its words; a cell of several pieces keeps them together in one span.
    expect(html).toContain('data-label="Last contact"><span>3 days ago <strong>Overdue</strong></span></td>');
    expect(html).not.toContain('nhsuk-table-responsive__heading');
    expect(html).toContain('<th class="nhsuk-table__header" scope="col" role="columnheader">Name</th>');
  });

  it('leaves a table that is not responsive as it is', () => {
    const html = table(false);
    expect(html).not.toContain('data-label');
    expect(html).toContain('<td class="nhsuk-table__cell">Joan Marsh</td>');
  });
});
