import Link from 'next/link';
import { headers } from 'next/headers';
import { can } from '../server/access/permissions';
import { getActor } from '../server/auth/get-actor';
import { EmergencyAccessLink, personOfPath } from './components/emergency-access-link';
import { ForbiddenReason } from './components/forbidden-reason';

export const metadata = { title: 'You do not have access' };

export default async function Forbidden() {
  const actor = await getActor();
  // Set by proxy.ts: this page gets no params.
  const patientId = personOfPath((await headers()).get('x-carenav-path'));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You do not have access to this page</h1>
        <ForbiddenReason />
        {actor && patientId && can(actor.role, 'patient.breakGlass') && !actor.mustChangePassword && (
          <EmergencyAccessLink patientId={patientId} />
        )}
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </div>
    </div>
  );
}
