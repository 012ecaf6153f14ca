import type { ReactNode } from 'react';

/** The frame of a form page about one person: their name as a caption above the page's heading. */
export function PatientSubpage({ patient, title, children }: { patient: { givenName: string; familyName: string }; title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">
          {patient.givenName} {patient.familyName}
        </span>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}
