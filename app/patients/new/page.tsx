import { load, pageCaller } from '../../lib/guard';
import { NewPatientForm } from './new-patient-form';

export const metadata = { title: 'Add a person' };

export default async function NewPatientPage() {
  const { caller } = await pageCaller();
  const practices = await load(caller.patients.practices());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Add a person</h1>
        <p>Search first: each person has one record. You can add what matters to them once the record exists.</p>
        <NewPatientForm practices={practices} />
      </div>
    </div>
  );
}
