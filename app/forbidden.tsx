import Link from 'next/link';
import { can } from '../server/access/permissions';
import { getActor } from '../server/auth/get-actor';
import { EmergencyAccessLink } from './components/emergency-access-link';

export const metadata = { title: 'You do not have access' };

export default async function Forbidden() {
  const actor = await getActor();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You do not have access to this page</h1>
        <p>
          You are not involved in this person’s care, or the sharing rules do not allow your organisation to see it. This attempt has been
          recorded in the audit log with your name.
        </p>
        <p>If you need to see this record to care for the person, ask their named contact or your administrator.</p>
        {actor && can(actor.role, 'patient.breakGlass') && <EmergencyAccessLink />}
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </div>
    </div>
  );
}
