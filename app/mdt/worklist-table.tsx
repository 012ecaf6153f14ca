import { RowLink } from '../components/row-link';
import type { ReactNode } from 'react';
import type { MdtWorklistRow } from '../../server/mdt/mdt-worklist';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { ReasonTags } from './reason-tags';

/** A row as the page gives it: the named contact's name and the last contact's date already in words (no date code in the browser). */
export type WorklistTableRow = MdtWorklistRow & { namedContactName: string | null; lastContact: string };

/**
 * The ranked MDT worklist, one page of it. When people are being chosen for a meeting, the first
 * column ticks each one (`choose` says whether a box starts ticked, e.g. as sent before a refusal).
 */
export function WorklistTable({
  rows,
  caption,
  choose,
}: {
  rows: WorklistTableRow[];
  caption: string;
  choose?: { ticked: (patientId: string) => boolean };
}) {
  return (
    <Table caption={caption} responsive>
      <TableHead>
        <TableRow>
          {choose && <TableCell>Discuss</TableCell>}
          <TableCell>Person</TableCell>
          <TableCell>Why they are on the list</TableCell>
          <TableCell>Named contact</TableCell>
          <TableCell>Last contact</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((p) => (
          <TableRow key={p.id}>
            {choose && <TableCell>{p.chosen ? 'Chosen' : <ChooseBox row={p} ticked={choose.ticked(p.id)} />}</TableCell>}
            <TableCell>
              <RowLink href={`/patients/${p.id}`}>{p.name}</RowLink>
            </TableCell>
            <TableCell>
              <ReasonTags name={p.name} reasons={p.reasons} />
            </TableCell>
            <TableCell>{p.namedContactName ?? 'Not assigned'}</TableCell>
            <TableCell>{p.lastContact}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ChooseBox({ row, ticked }: { row: WorklistTableRow; ticked: boolean }): ReactNode {
  const id = `choose-${row.id}`;
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
      <div className="nhsuk-checkboxes__item">
        <input className="nhsuk-checkboxes__input" id={id} name="patientIds" type="checkbox" value={row.id} defaultChecked={ticked} />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
          Choose<span className="nhsuk-u-visually-hidden"> {row.name}</span>
        </label>
      </div>
    </div>
  );
}
