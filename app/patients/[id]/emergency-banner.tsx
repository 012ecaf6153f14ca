import Link from 'next/link';
import type { AccessDecision } from '../../../server/access/policy';
import { formatMoment } from '../../../server/calendar/england-time';

/** On every page of a record opened under emergency (break-glass) access: until when, the reason, and that it is read-only. */
export function EmergencyBanner({ access }: { access: AccessDecision }) {
  if (!access.allowed || !access.breakGlass) return null;
  return (
    <div className="nhsuk-warning-callout" data-testid="emergency-banner">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Emergency access until {formatMoment(access.breakGlass.until)}
        </span>
      </h2>
      <p>
        You gave the reason “{access.breakGlass.reason}”. Everything you open is recorded and will be reviewed by an administrator. You can
        read the record and add a note of what you did; you cannot change it.
      </p>
    </div>
  );
}

/** In place of a form the actor may not send (e.g. under emergency access): why, in the policy's words, and the way back. */
export function ReadOnlyNotice({ patientId, explanation }: { patientId: string; explanation: string | undefined }) {
  return (
    <div className="nhsuk-inset-text" data-testid="read-only-notice">
      <h2 className="nhsuk-heading-s">You cannot change this</h2>
      <p>{explanation ?? 'Your access to this record does not allow this change.'}</p>
      <p>
        <Link href={`/patients/${patientId}`}>Back to the record</Link>
      </p>
    </div>
  );
}
