import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from './table';
import type { listAccessLog } from '../../server/audit/list-access-log';
import { ROLE_LABELS } from '../../server/access/permissions';
import { formatDateTime } from '../lib/format';
import { FilterField } from './filter-field';

type Log = Awaited<ReturnType<typeof listAccessLog>>;

/**
 * "Who has seen this record": the audit log for one person, as staff see it on the record's Access
 * tab (carers get their own, by organisation type only). Filter by organisation; "show older" pages by keyset.
 */
export function AccessLog({
  log,
  basePath,
  organisationId,
  paged,
}: {
  log: Log;
  basePath: string;
  organisationId?: string;
  paged: boolean;
}) {
  const href = (next: { organisationId?: string; before?: string }) => {
    const qs = new URLSearchParams(Object.entries({ organisationId, ...next }).filter((e): e is [string, string] => !!e[1]));
    return `${basePath}${qs.size ? `?${qs.toString()}` : ''}`;
  };
  return (
    <>
      <h2>Who has seen this record</h2>
      <p>Every time anyone opens, reads or changes this person’s information it is recorded here, including attempts that were refused.</p>
      <form method="get" action={basePath} className="carenav-filters">
        <FilterField id="organisationId" label="Organisation">
          <select className="nhsuk-select" id="organisationId" name="organisationId" defaultValue={organisationId ?? ''}>
            <option value="">All organisations</option>
            {log.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </FilterField>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </form>
      {paged && (
        <p>
          <Link href={href({})}>Back to the newest</Link>
        </p>
      )}
      {log.items.length === 0 ? (
        <p>Nothing recorded{organisationId ? ' for this organisation' : ''}.</p>
      ) : (
        <Table caption="Accesses, newest first" responsive>
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Organisation</TableCell>
              <TableCell>What</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {log.items.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{formatDateTime(a.at)}</TableCell>
                <TableCell>
                  {a.userName ?? 'Unknown'}
                  {a.role && <span className="nhsuk-body-s nhsuk-u-display-block">{ROLE_LABELS[a.role]}</span>}
                </TableCell>
                <TableCell>{a.organisationName ?? '–'}</TableCell>
                <TableCell>
                  {a.what}
                  {a.outcome === 'denied' && (
                    <>
                      {' '}
                      <Tag modifier="red">Refused</Tag>
                    </>
                  )}
                  {a.outcome === 'failed' && (
                    <>
                      {' '}
                      <Tag modifier="grey">Not completed</Tag>
                    </>
                  )}
                  {a.breakGlass && (
                    <span className="nhsuk-u-display-block">
                      <Tag modifier="orange">Emergency access</Tag> Reason: {a.reason}
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {log.nextCursor && (
        <p>
          <Link href={href({ before: log.nextCursor })}>Show older</Link>
        </p>
      )}
    </>
  );
}
