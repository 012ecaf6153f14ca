import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { ROLE_LABELS } from '../../server/access/permissions';
import { KIND_LABELS } from '../../server/admin/organisation-kinds';
import { load, pageCaller } from '../lib/guard';

export const metadata = { title: 'Organisations and users' };

/** What the page confirms after a change to a user (the address says which; nothing personal in it). */
const DONE: Record<string, string> = {
  added: 'User added. They choose their own password when they first sign in.',
  role: 'Role changed.',
  deactivate: 'User deactivated. They have been signed out and cannot sign in.',
  reactivate: 'User reactivated. They can sign in again.',
};

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { done } = await searchParams;
  const { caller } = await pageCaller();
  const [organisations, users] = await Promise.all([load(caller.admin.organisations()), load(caller.admin.users())]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  return (
    <>
      <h1>Organisations and users</h1>
      {done && DONE[done] && (
        <div className="nhsuk-inset-text" role="status">
          <p>{DONE[done]}</p>
        </div>
      )}
      <p>Administrators manage who can use carenav. You do not have access to people’s records.</p>
      <h2>Discharge checklist</h2>
      <p>The tasks every risky discharge starts with, and how soon after getting home the follow-up contact is due.</p>
      <p>
        <Link href="/admin/checklist">Change the discharge checklist</Link>
      </p>

      <h2>Users</h2>
      <p>
        <Link href="/admin/users/new">Add a user</Link>
      </p>
      <p>
        <Link href="/admin/users/clinical-review">Clinical accounts to review</Link>: accounts given a clinical role in the last 30 days,
        for another administrator to check.
      </p>
      <p>
        <Link href="/admin/carers">Deactivate or reactivate a carer’s account</Link>
      </p>
      <Table caption={`${users.length} staff accounts`} responsive>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Email</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Organisation</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              </TableCell>
              <TableCell>{u.email}</TableCell>
              <TableCell>{ROLE_LABELS[u.role]}</TableCell>
              <TableCell>{u.organisationName ?? 'None'}</TableCell>
              <TableCell>{u.active ? <Tag modifier="green">Active</Tag> : <Tag modifier="grey">Deactivated</Tag>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <h2>Organisations</h2>
      <p>
        <Link href="/admin/organisations/new">Add an organisation</Link>
      </p>
      <Table caption={`${organisations.length} organisations`} responsive>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Phone</TableCell>
            <TableCell>Navigator team</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {organisations.map((o) => (
            <TableRow key={o.id}>
              <TableCell>{o.name}</TableCell>
              <TableCell>{KIND_LABELS[o.kind]}</TableCell>
              <TableCell>{o.phone ?? 'Not given'}</TableCell>
              <TableCell>{o.navigatorTeamId ? orgName.get(o.navigatorTeamId) : o.kind === 'gp_practice' ? 'Not linked' : '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
