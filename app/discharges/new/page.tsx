import { load, pageCaller } from '../../lib/guard';
import { formatDate, formatNhsNumber } from '../../lib/format';
import { FlagDischargeForm } from './flag-discharge-form';

export const metadata = { title: 'Flag a risky discharge' };

type Props = { searchParams: Promise<{ patientId?: string }> };

export default async function FlagDischargePage({ searchParams }: Props) {
  const { patientId } = await searchParams;
  const { caller } = await pageCaller();
  const { practices, hospitals, hospitalId } = await load(caller.discharges.flagOptions());
  // From a person's record (navigator, GP) the identity is already known and access already checked.
  const person = patientId ? (await load(caller.patients.get({ patientId }))).patient : null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {person && (
          <span className="nhsuk-caption-l">
            {person.givenName} {person.familyName} · NHS number {formatNhsNumber(person.nhsNumber)} · Born {formatDate(person.dateOfBirth)}
          </span>
        )}
        <h1>Flag a risky discharge</h1>
        <p>
          The person’s care navigator team gets a checklist to work through before and after they get home, and you will see when they have
          been followed up.
        </p>
        <FlagDischargeForm
          practices={practices}
          known={
            person
              ? { nhsNumber: person.nhsNumber, dateOfBirth: person.dateOfBirth, name: `${person.givenName} ${person.familyName}` }
              : null
          }
          hospitals={hospitals}
          defaultHospitalId={hospitalId}
        />
      </div>
    </div>
  );
}
