'use client';

import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';

type Cell = string | number | null;

/**
 * A table of a measure's numbers. Drawn by a client component so that the page's data carries the
 * numbers once, as numbers: a server-drawn table travels twice, as HTML and again as the markup of
 * every cell (with each column's heading repeated for phone width), which tripled /metrics' weight.
 * The HTML is the same, rendered on the server.
 */
export function MeasureTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: Cell[][] }) {
  return (
    <Table caption={caption} responsive>
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c}>{c}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j}>{cell ?? '–'}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
