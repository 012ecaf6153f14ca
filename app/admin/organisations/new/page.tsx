import { KIND_LABELS, ORGANISATION_KINDS } from '../../../../server/admin/organisation-kinds';
import { load, pageCaller } from '../../../lib/guard';
import { OrganisationForm } from './organisation-form';

export const metadata = { title: 'Add an organisation' };

export default async function NewOrganisationPage() {
  const { caller } = await pageCaller();
  const organisations = await load(caller.admin.organisations());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Add an organisation</h1>
        <OrganisationForm
          kinds={ORGANISATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          navigatorTeams={organisations.filter((o) => o.kind === 'navigator_team').map((o) => ({ id: o.id, name: o.name }))}
        />
      </div>
    </div>
  );
}
