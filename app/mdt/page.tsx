import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { load, pageCaller } from '../lib/guard';
import { formatDate } from '../lib/format';
import { ReasonTags } from './reason-tags';

export const metadata = { title: 'MDT worklist' };

export default async function MdtPage() {
  const { caller } = await pageCaller();
  const [worklist, meetings] = await Promise.all([load(caller.mdt.worklist()), load(caller.mdt.meetings())]);
  return (
    <>
      <h1>MDT worklist</h1>
      <p>
        People on your team’s caseload to discuss at the weekly multidisciplinary team meeting: high risk, overdue tasks, a referral
        declined or past its response time, home from hospital in the last 7 days, or no contact in 30 days.
      </p>
      <p>
        <Link href="/mdt/new" className="nhsuk-button">
          Record a meeting
        </Link>
      </p>
      {worklist.length === 0 ? (
        <p>Nobody needs discussing at the moment.</p>
      ) : (
        <Table caption={`${worklist.length} people to discuss, most reasons first`} responsive>
          <TableHead>
            <TableRow>
              <TableCell>Person</TableCell>
              <TableCell>Why they are on the list</TableCell>
              <TableCell>Last contact</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {worklist.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <Link href={`/patients/${p.id}`}>{p.name}</Link>
                </TableCell>
                <TableCell>
                  <ReasonTags name={p.name} reasons={p.reasons} />
                </TableCell>
                <TableCell>{p.lastContactAt ? formatDate(p.lastContactAt) : 'None recorded'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <h2>Recent meetings</h2>
      {meetings.length === 0 ? (
        <p>No meetings recorded yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {meetings.map((m) => (
            <li key={m.id}>
              <Link href={`/mdt/${m.id}`}>Meeting of {formatDate(m.heldOn)}</Link> ({m.attendeeCount} attended)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
