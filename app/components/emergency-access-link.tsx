import Link from 'next/link';
import { serverCaller } from '../../server/auth/request-context';

/** The person whose record a path is about (/patients/<id>/…), except the emergency-access page itself. */
export function personOfPath(path: string | null): string | null {
  const match = /^\/patients\/([0-9a-f-]{36})(\/|$)/.exec(path ?? '');
  if (!match || path?.endsWith('/emergency-access')) return null;
  return match[1] ?? null;
}

/**
 * On the 403 page for a person's record: the way to ask for emergency (break-glass) access, only
 * where the request's own rules would give it; otherwise why not, and whom to ask instead.
 */
export async function EmergencyAccessLink({ patientId }: { patientId: string }) {
  const { caller } = await serverCaller();
  const option = await caller.access.breakGlassOption({ patientId }).catch(() => null);
  if (!option) return null;
  if (!option.available)
    return (
      <div className="nhsuk-inset-text" data-testid="emergency-access-unavailable">
        <h2 className="nhsuk-heading-s">Emergency access is not possible for this record</h2>
        <p>{option.explanation}</p>
      </div>
    );
  return (
    <p>
      If this is an emergency and you must see this record to care for the person now,{' '}
      <Link href={`/patients/${patientId}/emergency-access`}>ask for emergency access</Link>. It is recorded and reviewed.
    </p>
  );
}
