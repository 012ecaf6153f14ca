import { load, pageCaller } from '../../../../lib/guard';
import { PatientSubpage } from '../../patient-subpage';
import { NewTaskForm } from './new-task-form';

export const metadata = { title: 'Add a task' };

export default async function NewTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const [summary, assignees] = await Promise.all([
    load(caller.patients.get({ patientId: id })),
    load(caller.tasks.assignees({ patientId: id })),
  ]);
  return (
    <PatientSubpage summary={summary} title="Add a task">
      <NewTaskForm patientId={id} assignees={assignees.map((a) => ({ value: a.value, label: a.label }))} />
    </PatientSubpage>
  );
}
