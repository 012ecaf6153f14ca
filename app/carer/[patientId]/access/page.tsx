import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../../components/table';
import { load, pageCaller } from '../../../lib/guard';
import { formatDateTime } from '../../../lib/format';
import { WhyCanISee } from '../../../components/why-can-i-see';

export const metadata = { title: 'Who has seen the record' };

type Props = { params: Promise<{ patientId: string }>; searchParams: Promise<{ before?: string }> };

/** The carer's copy of "who has seen this record": when, and which type of organisation, only. */
export default async function CarerAccessPage({ params, searchParams }: Props) {
  const { patientId } = await params;
  const query = await searchParams;
  const { caller } = await pageCaller();
  const person = await load(caller.carer.person({ patientId }));
  const log = await load(caller.carer.accessLog({ patientId, cursor: query.before || undefined }));
  const basePath = `/carer/${patientId}/access`;
  return (
    <>
      <p>
        <Link href="/carer" className="nhsuk-back-link">
          People I care for
        </Link>
      </p>
      <span className="nhsuk-caption-l">{person.name}</span>
      <h1>Who has seen the record</h1>
      <WhyCanISee explanation={person.explanation} />
      <p>Every time anyone opens, reads or changes this person’s information it is recorded here, including attempts that were refused.</p>
      {query.before && (
        <p>
          <Link href={basePath}>Back to the newest</Link>
        </p>
      )}
      {log.items.length === 0 ? (
        <p>Nothing recorded.</p>
      ) : (
        <Table caption="Accesses, newest first" responsive>
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>What</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {log.items.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{formatDateTime(a.at)}</TableCell>
                <TableCell>
                  {a.emergency && <Tag modifier="orange">Emergency access</Tag>} {a.by}
                </TableCell>
                <TableCell>
                  {a.what}
                  {a.outcome === 'denied' && (
                    <>
                      {' '}
                      <Tag modifier="red">Refused</Tag>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {log.nextCursor && (
        <p>
          <Link href={`${basePath}?before=${encodeURIComponent(log.nextCursor)}`}>Show older</Link>
        </p>
      )}
    </>
  );
}
