import { load, pageCaller } from '../../../lib/guard';
import { PatientSubpage } from '../patient-subpage';
import { NamedContactForm } from './named-contact-form';

export const metadata = { title: 'Change named contact' };

export default async function NamedContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const navigators = await load(caller.patients.navigators({ patientId: id }));
  const p = summary.patient;
  return (
    <PatientSubpage patient={p} title="Change named contact">
        <p>The named contact is chosen from {summary.caseloadTeamName}, whose caseload this person is on.</p>
        {navigators.length === 0 ? (
          <p>There are no active navigators in {summary.caseloadTeamName}. Ask your administrator to add one.</p>
        ) : (
          <NamedContactForm patientId={id} version={p.version} current={p.namedContactUserId} navigators={navigators} />
        )}
    </PatientSubpage>
  );
}
