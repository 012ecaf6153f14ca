import { forbidden } from 'next/navigation';
import { can } from '../../../../server/access/permissions';
import { BREAK_GLASS_HOURS, BREAK_GLASS_MIN_REASON } from '../../../../server/break-glass/request-break-glass';
import { load, pageCaller } from '../../../lib/guard';
import { BreakGlassForm } from './break-glass-form';

export const metadata = { title: 'Emergency access' };

/**
 * Asking for emergency (break-glass) access. Shows nothing about the person: the caller has no
 * access yet. The request itself decides, audits and explains any refusal.
 */
export default async function EmergencyAccessPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, actor } = await pageCaller();
  if (!can(actor.role, 'patient.breakGlass')) forbidden();
  // Offered only where the request's own rules would give it (e.g. never against the person's decision not to share).
  const option = await load(caller.access.breakGlassOption({ patientId: id }));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Emergency access to a record</h1>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Only in an emergency
            </span>
          </h2>
          <p>
            Use this only when you must see this person’s record to care for them now and nobody involved in their care can help. It lasts{' '}
            {BREAK_GLASS_HOURS} hours. Your name, your reason and everything you open are recorded, shown to the person and their care team,
            and reviewed by an administrator.
          </p>
        </div>
        {option.available ? (
          <BreakGlassForm patientId={id} minReason={BREAK_GLASS_MIN_REASON} />
        ) : (
          <div className="nhsuk-inset-text" data-testid="emergency-access-unavailable">
            <h2 className="nhsuk-heading-s">Emergency access is not possible for this record</h2>
            <p>{option.explanation}</p>
          </div>
        )}
      </div>
    </div>
  );
}
