import Link from 'next/link';
import { Table, Tag } from 'nhsuk-react-components';
import { ROLE_LABELS } from '../../server/access/permissions';
import { KIND_LABELS } from '../../server/admin/organisation-kinds';
import { load, pageCaller } from '../lib/guard';

export const metadata = { title: 'Organisations and users' };

export default async function AdminPage() {
  const { caller } = await pageCaller();
  const [organisations, users] = await Promise.all([load(caller.admin.organisations()), load(caller.admin.users())]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  return (
    <>
      <h1>Organisations and users</h1>
      <p>Administrators manage who can use carenav. You do not have access to people’s records.</p>

      <h2>Users</h2>
      <p>
        <Link href="/admin/users/new">Add a user</Link>
      </p>
      <Table caption={`${users.length} staff accounts`} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Email</Table.Cell>
            <Table.Cell>Role</Table.Cell>
            <Table.Cell>Organisation</Table.Cell>
            <Table.Cell>Status</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((u) => (
            <Table.Row key={u.id}>
              <Table.Cell>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              </Table.Cell>
              <Table.Cell>{u.email}</Table.Cell>
              <Table.Cell>{ROLE_LABELS[u.role]}</Table.Cell>
              <Table.Cell>{u.organisationName ?? 'None'}</Table.Cell>
              <Table.Cell>{u.active ? <Tag modifier="green">Active</Tag> : <Tag modifier="grey">Deactivated</Tag>}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      <h2>Organisations</h2>
      <p>
        <Link href="/admin/organisations/new">Add an organisation</Link>
      </p>
      <Table caption={`${organisations.length} organisations`} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Type</Table.Cell>
            <Table.Cell>Phone</Table.Cell>
            <Table.Cell>Navigator team</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {organisations.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>{o.name}</Table.Cell>
              <Table.Cell>{KIND_LABELS[o.kind]}</Table.Cell>
              <Table.Cell>{o.phone ?? 'Not given'}</Table.Cell>
              <Table.Cell>{o.navigatorTeamId ? orgName.get(o.navigatorTeamId) : o.kind === 'gp_practice' ? 'Not linked' : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
