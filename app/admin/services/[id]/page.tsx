import Link from 'next/link';
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../../../../server/directory/service-fields';
import { load, pageCaller } from '../../../lib/guard';
import { ServiceForm } from '../service-form';

export const metadata = { title: 'Change a service' };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const [s, organisations] = await Promise.all([load(caller.directory.get({ serviceId: id })), load(caller.admin.organisations())]);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">Service directory</span>
        <h1>{s.name}</h1>
        {s.externalId && <p>Imported from Open Referral (id {s.externalId}): the next import of that feed updates it again.</p>}
        <ServiceForm
          initial={{
            serviceId: s.id,
            name: s.name,
            providerName: s.providerName,
            category: s.category,
            organisationId: s.organisationId ?? '',
            area: s.area,
            eligibility: s.eligibility,
            contact: s.contact,
            description: s.description,
            targetUrgentHours: String(s.targetUrgentHours),
            targetSoonWorkingDays: String(s.targetSoonWorkingDays),
            targetRoutineWorkingDays: String(s.targetRoutineWorkingDays),
            active: String(s.active),
          }}
          categories={SERVICE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <p>
          <Link href="/admin/services">Back to the directory</Link>
        </p>
      </div>
    </div>
  );
}
