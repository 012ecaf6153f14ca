import { load, pageCaller } from '../../../lib/guard';
import { PatientSubpage } from '../patient-subpage';
import { EditForm } from '../edit-form';
import { ReadOnlyNotice } from '../emergency-banner';

export const metadata = { title: 'Change details' };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const p = summary.patient;
  if (!summary.may['patient.edit'])
    return (
      <PatientSubpage summary={summary} title="Change details">
        <ReadOnlyNotice patientId={id} explanation={summary.refused['patient.edit']} />
      </PatientSubpage>
    );
  return (
    <PatientSubpage summary={summary} title="Change details">
      <EditForm
        patientId={id}
        version={p.version}
        cancelHref={`/patients/${id}`}
        fields={[
          { name: 'riskLevel', label: 'Risk level', kind: 'risk', value: p.riskLevel },
          { name: 'conditions', label: 'Long-term conditions', kind: 'textarea', value: p.conditions.join('\n'), hint: 'One per line' },
          { name: 'communicationNeeds', label: 'Communication needs', kind: 'textarea', value: p.communicationNeeds },
          {
            name: 'homeAccessNotes',
            label: 'Home access',
            kind: 'textarea',
            value: p.homeAccessNotes,
            hint: 'Key safe, who holds keys, how to get in',
          },
          { name: 'nextAction', label: 'Next action', kind: 'text', value: p.nextAction },
          { name: 'address', label: 'Address', kind: 'textarea', value: p.address },
          { name: 'postcode', label: 'Postcode', kind: 'text', value: p.postcode },
          { name: 'phone', label: 'Phone number', kind: 'text', value: p.phone },
        ]}
      />
    </PatientSubpage>
  );
}
