import Link from 'next/link';
import { RowLink } from '../components/row-link';
import { Pager } from '../components/pager';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { loadListPage, pageCaller } from '../lib/guard';
import { FormErrors } from '../components/form-errors';
import { TabNav } from '../components/tab-nav';
import { RISK_TAG, ageFrom, formatDate, timeAgo } from '../lib/format';
import { CASELOAD_PAGE_SIZE } from '../../server/patients/list-caseload';

export const metadata = { title: 'Caseload' };

type SearchParams = Promise<{ scope?: string; sort?: string; after?: string }>;

export default async function CaseloadPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const scope = params.scope === 'team' ? 'team' : 'mine';
  const sort = params.sort === 'lastContact' ? 'lastContact' : 'risk';
  const { caller } = await pageCaller();
  // A cursor the list refuses is told at the page field, over the first page.
  const {
    value: { rows, nextCursor },
    after,
    pageErrors,
  } = await loadListPage((cursor) => caller.patients.caseload({ scope, sort, cursor }), params.after);
  const href = (next: { scope?: string; sort?: string; after?: string }) =>
    `/caseload?${new URLSearchParams({ scope, sort, ...next }).toString()}`;

  return (
    <>
      <h1>{scope === 'mine' ? 'My caseload' : 'My team’s caseload'}</h1>
      <TabNav
        label="Whose caseload"
        tabs={[
          { id: 'mine', href: href({ scope: 'mine' }), label: 'People I am named contact for' },
          { id: 'team', href: href({ scope: 'team' }), label: 'My team’s caseload' },
        ]}
        current={scope}
      />
      <FormErrors result={pageErrors ? { ok: false, fieldErrors: pageErrors } : null} labels={{ cursor: 'Page' }} />
      {rows.length === 0 && !after ? (
        <div className="nhsuk-inset-text">
          <p>
            {scope === 'mine' ? 'You are not the named contact for anyone yet. ' : 'Your team’s caseload is empty. '}
            <Link href="/patients/new">Add a person</Link> or <Link href="/patients">find a person</Link>.
          </p>
        </div>
      ) : (
        <>
          <p className="nhsuk-u-margin-bottom-2">
            Sorted by {sort === 'risk' ? 'risk, highest first' : 'last contact, longest ago first'}.
          </p>
          <p>
            <Link href={href({ sort: sort === 'risk' ? 'lastContact' : 'risk' })}>Sort by {sort === 'risk' ? 'last contact' : 'risk'}</Link>
          </p>
          <Table
            responsive
            caption={`${rows.length} ${rows.length === 1 ? 'person' : 'people'}${after ? ' (a later page)' : nextCursor ? ' (first page)' : ''}`}
          >
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Age</TableCell>
                <TableCell aria-sort={sort === 'risk' ? 'descending' : undefined}>Risk</TableCell>
                <TableCell aria-sort={sort === 'lastContact' ? 'ascending' : undefined}>Last contact</TableCell>
                <TableCell>Tasks</TableCell>
                <TableCell>Next action</TableCell>
                {scope === 'team' && <TableCell>Named contact</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <RowLink href={`/patients/${p.id}`}>
                      {p.givenName} {p.familyName}
                    </RowLink>
                  </TableCell>
                  <TableCell>{ageFrom(p.dateOfBirth)}</TableCell>
                  <TableCell>
                    <Tag modifier={RISK_TAG[p.riskLevel].modifier}>{RISK_TAG[p.riskLevel].label}</Tag>
                  </TableCell>
                  <TableCell>
                    {p.lastContactAt ? (
                      <time dateTime={new Date(p.lastContactAt).toISOString()} title={formatDate(p.lastContactAt)}>
                        {timeAgo(p.lastContactAt)}
                      </time>
                    ) : (
                      'No contact yet'
                    )}
                  </TableCell>
                  <TableCell>
                    {p.openTasks === 0 ? 'None open' : `${p.openTasks} open`}
                    {p.overdueTasks > 0 && (
                      <>
                        {' '}
                        <Tag modifier="red">{p.overdueTasks} overdue</Tag>
                      </>
                    )}
                  </TableCell>
                  <TableCell>{p.nextAction || 'None set'}</TableCell>
                  {scope === 'team' && <TableCell>{p.namedContactName ?? 'Not assigned'}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager
            next={nextCursor && href({ after: nextCursor })}
            first={after ? href({}) : null}
            nextLabel={`Show the next ${CASELOAD_PAGE_SIZE} people`}
          />
        </>
      )}
    </>
  );
}
