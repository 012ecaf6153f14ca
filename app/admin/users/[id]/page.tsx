import { SummaryList } from 'nhsuk-react-components';
import { ROLE_LABELS, STAFF_ROLES } from '../../../../server/access/permissions';
import { load, pageCaller } from '../../../lib/guard';
import { ActivationForm, ChangeRoleForm, EndSessionsForm } from './user-actions';

export const metadata = { title: 'Manage user' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, actor } = await pageCaller();
  const user = await load(caller.admin.user({ userId: id }));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{user.name}</h1>
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>Email</SummaryList.Key>
            <SummaryList.Value>{user.email}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Organisation</SummaryList.Key>
            <SummaryList.Value>{user.organisationName ?? 'None'}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Status</SummaryList.Key>
            <SummaryList.Value>{user.active ? 'Active' : 'Deactivated'}</SummaryList.Value>
          </SummaryList.Row>
        </SummaryList>
        <h2>Role</h2>
        <ChangeRoleForm userId={user.id} role={user.role} roles={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <h2>Access</h2>
        <ActivationForm userId={user.id} name={user.name} active={user.active} />
        {/* Only for their own organisation's staff (the use case refuses anyone else). */}
        {user.active && user.organisationId === actor.organisationId && user.id !== actor.userId && (
          <>
            <h2>Sessions</h2>
            <p>End every session {user.name} has open, for example if they lost a device or left a shared computer signed in.</p>
            <EndSessionsForm userId={user.id} name={user.name} />
          </>
        )}
      </div>
    </div>
  );
}
