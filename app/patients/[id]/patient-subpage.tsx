import type { ReactNode } from 'react';
import type { AccessDecision } from '../../../server/access/policy';
import { WhyCanISee } from '../../components/why-can-i-see';
import { EmergencyBanner } from './emergency-banner';

/** The frame of a form page about one person: their name as a caption above the page's heading, and why you can see it. */
export function PatientSubpage({
  summary,
  title,
  children,
}: {
  summary: { patient: { givenName: string; familyName: string }; access: AccessDecision };
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">
          {summary.patient.givenName} {summary.patient.familyName}
        </span>
        <h1>{title}</h1>
        <EmergencyBanner access={summary.access} />
        <WhyCanISee explanation={summary.access.explanation} />
        {children}
      </div>
    </div>
  );
}
