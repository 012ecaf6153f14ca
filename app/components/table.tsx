import {
  Children,
  cloneElement,
  isValidElement,
  type ReactElement,
  type ReactNode,
  type TdHTMLAttributes,
  type ThHTMLAttributes,
} from 'react';

/*
 * The NHS table, rendered on the server, with the responsive pattern (#17 item 9): at phone width
 * each cell shows its column's heading (`nhsuk-table-responsive__heading`). nhsuk-react-components
 * finds the headings in the browser by the cells' component type, which a server component's
 * children do not carry, so there every cell lost its heading and the caseload became unlabelled
 * numbers. Same names and props as nhsuk-react-components' Table, TableHead, TableBody, TableRow, TableCell.
 */

type Section = 'head' | 'body';
type Injected = { section?: Section; headings?: ReactNode[]; heading?: ReactNode; responsive?: boolean };

const elements = (children: ReactNode) => Children.toArray(children).filter(isValidElement) as ReactElement<Record<string, unknown>>[];

/** The headings of the table: the cells of the first row of its head. */
function headingsOf(children: ReactNode): ReactNode[] {
  const head = elements(children).find((c) => c.type === TableHead);
  const firstRow = head ? elements(head.props.children as ReactNode)[0] : undefined;
  return firstRow ? elements(firstRow.props.children as ReactNode).map((cell) => cell.props.children as ReactNode) : [];
}

export function Table({ caption, responsive = false, children }: { caption?: ReactNode; responsive?: boolean; children: ReactNode }) {
  const headings = responsive ? headingsOf(children) : [];
  return (
    <table className={responsive ? 'nhsuk-table-responsive' : 'nhsuk-table'} role={responsive ? 'table' : undefined}>
      {caption && <caption className="nhsuk-table__caption">{caption}</caption>}
      {elements(children).map((child) =>
        child.type === TableHead || child.type === TableBody ? cloneElement(child, { headings, responsive } satisfies Injected) : child,
      )}
    </table>
  );
}

export function TableHead({ children, responsive }: { children: ReactNode } & Injected) {
  return (
    <thead className="nhsuk-table__head" role={responsive ? 'rowgroup' : undefined}>
      {elements(children).map((row) => cloneElement(row, { section: 'head', responsive } satisfies Injected))}
    </thead>
  );
}

export function TableBody({ children, headings, responsive }: { children: ReactNode } & Injected) {
  return (
    <tbody className="nhsuk-table__body">
      {elements(children).map((row) => cloneElement(row, { section: 'body', headings, responsive } satisfies Injected))}
    </tbody>
  );
}

export function TableRow({ children, section, headings, responsive }: { children: ReactNode } & Injected) {
  return (
    <tr className="nhsuk-table__row" role={responsive ? 'row' : undefined}>
      {elements(children).map((cell, i) => cloneElement(cell, { section, heading: headings?.[i], responsive } satisfies Injected))}
    </tr>
  );
}

type CellProps = { children?: ReactNode } & Injected &
  Omit<TdHTMLAttributes<HTMLTableCellElement>, 'children'> &
  Pick<ThHTMLAttributes<HTMLTableCellElement>, 'scope'>;

export function TableCell({ children, section, heading, responsive, headings: _headings, ...rest }: CellProps) {
  if (section === 'head')
    return (
      <th className="nhsuk-table__header" scope="col" role={responsive ? 'columnheader' : undefined} {...rest}>
        {children}
      </th>
    );
  return (
    <td className="nhsuk-table__cell" role={responsive ? 'cell' : undefined} {...rest}>
      {responsive && heading ? (
        <>
          <span className="nhsuk-table-responsive__heading" aria-hidden="true">
            {heading}{' '}
          </span>
          <span>{children}</span>
        </>
      ) : (
        children
      )}
    </td>
  );
}

// The same dotted names as nhsuk-react-components (Table.Head, Table.Row…), so either import works.
Table.Head = TableHead;
Table.Body = TableBody;
Table.Row = TableRow;
Table.Cell = TableCell;
