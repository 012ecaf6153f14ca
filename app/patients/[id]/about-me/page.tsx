import { load, pageCaller } from '../../../lib/guard';
import { PatientSubpage } from '../patient-subpage';
import { EditForm } from '../edit-form';
import { ReadOnlyNotice } from '../emergency-banner';

export const metadata = { title: 'Edit about me' };

export default async function AboutMePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const p = summary.patient;
  if (!summary.may['patient.edit'])
    return (
      <PatientSubpage summary={summary} title="About me">
        <ReadOnlyNotice patientId={id} explanation={summary.refused['patient.edit']} />
      </PatientSubpage>
    );
  return (
    <PatientSubpage summary={summary} title="About me">
      <p>Write it with the person, in their words. Everyone who works with them will see it, so they only tell it once.</p>
      <EditForm
        patientId={id}
        version={p.version}
        cancelHref={`/patients/${id}`}
        fields={[
          { name: 'aboutWhatMatters', label: 'What matters to me', kind: 'textarea', value: p.aboutWhatMatters },
          {
            name: 'aboutStrengths',
            label: 'My strengths',
            kind: 'textarea',
            value: p.aboutStrengths,
            hint: 'What I can do, and who helps me',
          },
          { name: 'aboutEveryoneShouldKnow', label: 'What everyone should know', kind: 'textarea', value: p.aboutEveryoneShouldKnow },
        ]}
      />
    </PatientSubpage>
  );
}
