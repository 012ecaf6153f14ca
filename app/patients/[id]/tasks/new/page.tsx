import { load, pageCaller } from '../../../../lib/guard';
import { PatientSubpage } from '../../patient-subpage';
import { NewTaskForm } from './new-task-form';
import { ReadOnlyNotice } from '../../emergency-banner';

export const metadata = { title: 'Add a task' };

export default async function NewTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  if (!summary.may['task.create'])
    return (
      <PatientSubpage summary={summary} title="Add a task">
        <ReadOnlyNotice patientId={id} explanation={summary.refused['task.create']} />
      </PatientSubpage>
    );
  const assignees = await load(caller.tasks.assignees({ patientId: id }));
  return (
    <PatientSubpage summary={summary} title="Add a task">
      <NewTaskForm patientId={id} assignees={assignees.map((a) => ({ value: a.value, label: a.label }))} />
    </PatientSubpage>
  );
}
