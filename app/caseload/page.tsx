import Link from 'next/link';
import { Table, Tag } from 'nhsuk-react-components';
import { load, pageCaller } from '../lib/guard';
import { RISK_TAG, ageFrom, formatDate, timeAgo } from '../lib/format';

export const metadata = { title: 'Caseload' };

type SearchParams = Promise<{ scope?: string; sort?: string }>;

export default async function CaseloadPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const scope = params.scope === 'team' ? 'team' : 'mine';
  const sort = params.sort === 'lastContact' ? 'lastContact' : 'risk';
  const { caller } = await pageCaller();
  const { rows, truncated } = await load(caller.patients.caseload({ scope, sort }));
  const href = (next: { scope?: string; sort?: string }) => `/caseload?${new URLSearchParams({ scope, sort, ...next }).toString()}`;

  return (
    <>
      <h1>{scope === 'mine' ? 'My caseload' : 'My team’s caseload'}</h1>
      <nav aria-label="Whose caseload">
        <ul className="carenav-tabs">
          <li>
            <Link href={href({ scope: 'mine' })} aria-current={scope === 'mine' ? 'page' : undefined}>
              People I am named contact for
            </Link>
          </li>
          <li>
            <Link href={href({ scope: 'team' })} aria-current={scope === 'team' ? 'page' : undefined}>
              My team’s caseload
            </Link>
          </li>
        </ul>
      </nav>
      {rows.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>
            {scope === 'mine'
              ? 'You are not the named contact for anyone yet. '
              : 'Your team’s caseload is empty. '}
            <Link href="/patients/new">Add a person</Link> or <Link href="/patients">find a person</Link>.
          </p>
        </div>
      ) : (
        <>
          <p>
            Sorted by {sort === 'risk' ? 'risk, highest first' : 'last contact, longest ago first'}.{' '}
            <Link href={href({ sort: sort === 'risk' ? 'lastContact' : 'risk' })}>
              Sort by {sort === 'risk' ? 'last contact' : 'risk'}
            </Link>
          </p>
          <Table responsive caption={`${rows.length} ${rows.length === 1 ? 'person' : 'people'}`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Name</Table.Cell>
                <Table.Cell>Age</Table.Cell>
                <Table.Cell aria-sort={sort === 'risk' ? 'descending' : undefined}>Risk</Table.Cell>
                <Table.Cell aria-sort={sort === 'lastContact' ? 'ascending' : undefined}>Last contact</Table.Cell>
                <Table.Cell>Next action</Table.Cell>
                {scope === 'team' && <Table.Cell>Named contact</Table.Cell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <Link href={`/patients/${p.id}`}>
                      {p.givenName} {p.familyName}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{ageFrom(p.dateOfBirth)}</Table.Cell>
                  <Table.Cell>
                    <Tag modifier={RISK_TAG[p.riskLevel].modifier}>{RISK_TAG[p.riskLevel].label}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {p.lastContactAt ? (
                      <time dateTime={new Date(p.lastContactAt).toISOString()} title={formatDate(p.lastContactAt)}>
                        {timeAgo(p.lastContactAt)}
                      </time>
                    ) : (
                      'No contact yet'
                    )}
                  </Table.Cell>
                  <Table.Cell>{p.nextAction || 'None set'}</Table.Cell>
                  {scope === 'team' && <Table.Cell>{p.namedContactName ?? 'Not assigned'}</Table.Cell>}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {truncated && <p>Showing the first 500 people. Use Find a person to look for someone else.</p>}
        </>
      )}
    </>
  );
}
