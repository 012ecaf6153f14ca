import { load, pageCaller } from '../../../../../lib/guard';
import { PatientSubpage } from '../../../patient-subpage';
import { formatDateTime } from '../../../../../lib/format';
import { AmendForm } from './amend-form';
import { ReadOnlyNotice } from '../../../emergency-banner';

export const metadata = { title: 'Correct a timeline entry' };

export default async function AmendPage({ params }: { params: Promise<{ id: string; eventId: string }> }) {
  const { id, eventId } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  if (!summary.may['timeline.write'])
    return (
      <PatientSubpage summary={summary} title="Correct a timeline entry">
        <ReadOnlyNotice patientId={id} explanation={summary.refused['timeline.write']} />
      </PatientSubpage>
    );
  const event = await load(caller.timeline.get({ patientId: id, eventId }));
  return (
    <PatientSubpage summary={summary} title="Correct a timeline entry">
      <div className="nhsuk-inset-text">
        <p className="nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">{event.summary}</p>
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
          {formatDateTime(event.occurredAt)} · {event.authorName}
        </p>
        {event.body && <p className="carenav-pre">{event.body}</p>}
      </div>
      <AmendForm patientId={id} eventId={eventId} />
    </PatientSubpage>
  );
}
