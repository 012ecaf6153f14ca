import Link from 'next/link';
import { can } from '../server/access/permissions';
import { getActor } from '../server/auth/get-actor';
import { EmergencyAccessLink } from './components/emergency-access-link';
import { ForbiddenReason } from './components/forbidden-reason';

export const metadata = { title: 'You do not have access' };

export default async function Forbidden() {
  const actor = await getActor();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You do not have access to this page</h1>
        <ForbiddenReason />
        {actor && can(actor.role, 'patient.breakGlass') && <EmergencyAccessLink />}
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </div>
    </div>
  );
}
