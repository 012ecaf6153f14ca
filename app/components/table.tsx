import {
  Children,
  cloneElement,
  Fragment,
  isValidElement,
  type ReactElement,
  type ReactNode,
  type TdHTMLAttributes,
  type ThHTMLAttributes,
} from 'react';

/*
 * The NHS table, rendered on the server, with the responsive pattern (#17 item 9): at phone width
 * each cell shows its column's heading. nhsuk-react-components finds the headings in the browser by
 * the cells' component type, which a server component's children do not carry, so there every cell
 * lost its heading and the caseload became unlabelled numbers. Same names and props as
 * nhsuk-react-components' Table, TableHead, TableBody, TableRow, TableCell.
 *
 * The heading is the cell's `data-label`, drawn by carenav.css at phone width (hidden from screen
 * readers, which have the column headers), not the design system's heading span in every cell: those
 * spans were about a third of the elements of a 25-row list, and a sixth of its server time (#18).
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
    <td
      className="nhsuk-table__cell"
      role={responsive ? 'cell' : undefined}
      data-label={responsive ? textOf(heading) || undefined : undefined}
      {...rest}
    >
      {/* At phone width the cell lays out its heading and its content side by side (flex): content of
          more than one piece is kept together in one span. */}
      {responsive && onePiece(children) ? children : responsive ? <span>{children}</span> : children}
    </td>
  );
}

/** A heading's words, for `data-label` (headings may carry markup, e.g. visually hidden words). */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/** One text or one element (not a fragment): a single flex item as it is. */
function onePiece(children: ReactNode): boolean {
  const items = Children.toArray(children);
  return items.length === 1 && !(isValidElement(items[0]) && items[0].type === Fragment);
}

// The same dotted names as nhsuk-react-components (Table.Head, Table.Row…), so either import works.
Table.Head = TableHead;
Table.Body = TableBody;
Table.Row = TableRow;
Table.Cell = TableCell;
