import { forbidden } from 'next/navigation';
import { searchModeFor } from '../../server/access/permissions';
import { pageCaller } from '../lib/guard';
import { SearchForm } from './search-form';

export const metadata = { title: 'Find a person' };

export default async function PatientsPage() {
  const { actor } = await pageCaller();
  const mode = searchModeFor(actor.role);
  if (!mode) forbidden();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <h1>Find a person</h1>
        {mode === 'exact_identity' ? (
          <p>Enter the NHS number and date of birth together, exactly as on the person’s hospital record.</p>
        ) : (
          <p>You will only find people you work with: on your caseload, at your practice or with your team.</p>
        )}
        <SearchForm exactIdentity={mode === 'exact_identity'} userId={actor.userId} />
      </div>
    </div>
  );
}
