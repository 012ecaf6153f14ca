'use client';

import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';

export type StaffRow = { id: string; name: string; email: string; role: string; organisation: string; active: boolean };

/**
 * A page of staff accounts. Drawn by a client component so that the page's data carries each
 * account once, as plain fields, rather than again as the markup of every cell (the HTML is the
 * same, rendered on the server).
 */
export function StaffTable({ caption, rows }: { caption: string; rows: StaffRow[] }) {
  return (
    <Table caption={caption} responsive>
      <TableHead>
        <TableRow>
          <TableCell aria-sort="ascending">Name and email</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Organisation</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((u) => (
          <TableRow key={u.id}>
            <TableCell>
              <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{u.email}</span>
            </TableCell>
            <TableCell>{u.role}</TableCell>
            <TableCell>{u.organisation}</TableCell>
            <TableCell>{u.active ? <Tag modifier="green">Active</Tag> : <Tag modifier="grey">Deactivated</Tag>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
