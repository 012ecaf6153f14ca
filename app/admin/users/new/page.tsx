import { ROLE_LABELS, STAFF_ROLES } from '../../../../server/access/permissions';
import { PASSWORD_RULES } from '../../../../server/auth/password-policy';
import { load, pageCaller } from '../../../lib/guard';
import { UserForm } from './user-form';

export const metadata = { title: 'Add a user' };

export default async function NewUserPage() {
  const { caller } = await pageCaller();
  const organisations = await load(caller.admin.organisations());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Add a user</h1>
        <p>Family carers are invited from the person’s record, not added here.</p>
        <UserForm
          roles={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
          passwordRules={PASSWORD_RULES}
        />
      </div>
    </div>
  );
}
