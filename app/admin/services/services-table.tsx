'use client';

import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../components/table';

export type ServiceRow = { id: string; name: string; provider: string; category: string; receivesIn: string; active: boolean };

/**
 * A page of the service directory. Drawn by a client component so that the page's data carries each
 * service once, as plain fields, rather than again as the markup of every cell (the HTML is the
 * same, rendered on the server).
 */
export function ServicesTable({ caption, rows }: { caption: string; rows: ServiceRow[] }) {
  return (
    <Table responsive caption={caption}>
      <TableHead>
        <TableRow>
          <TableCell aria-sort="ascending">Service</TableCell>
          <TableCell>Category</TableCell>
          <TableCell>Receives referrals in</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((s) => (
          <TableRow key={s.id}>
            <TableCell>
              <Link href={`/admin/services/${s.id}`}>{s.name}</Link>
              <span className="nhsuk-body-s nhsuk-u-display-block">{s.provider}</span>
            </TableCell>
            <TableCell>{s.category}</TableCell>
            <TableCell>{s.receivesIn}</TableCell>
            <TableCell>{s.active ? <Tag modifier="green">Taking referrals</Tag> : <Tag modifier="grey">Switched off</Tag>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
