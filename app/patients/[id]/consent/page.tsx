import { Table, Tag } from 'nhsuk-react-components';
import { CONSENT_PURPOSES } from '../../../../db/schema';
import { can } from '../../../../server/access/permissions';
import { PURPOSE_LABELS, sharingRuleFor } from '../../../../server/access/sharing-rules';
import { CONSENT_METHOD_LABELS } from '../../../../server/consent/record-consent';
import { load, pageCaller } from '../../../lib/guard';
import { formatDate } from '../../../lib/format';
import { PatientHeader } from '../patient-header';
import { ConsentForm } from './consent-form';

export const metadata = { title: 'Consent' };

const DECISION_TAG = { granted: 'green', refused: 'red', withdrawn: 'orange' } as const;

/** What applies when nothing is recorded, from the sharing rule for each purpose. */
const DEFAULT_WORDS: Record<(typeof CONSENT_PURPOSES)[number], string> = {
  adult_social_care:
    sharingRuleFor('social').kind === 'implied_unless_objected' ? 'Shared for direct care (no objection recorded)' : 'Not shared',
  housing: 'Not shared: no consent recorded',
  voluntary_services: 'Not shared: no consent recorded',
  named_carer: 'Not shared: no consent recorded',
};

export default async function ConsentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller, actor } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const { history, inForce } = await load(caller.consent.list({ patientId: id }));

  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="consent" />
      <h2>Decisions in force</h2>
      <Table caption="The latest decision for each kind of sharing is the one in force">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Sharing with</Table.Cell>
            <Table.Cell>In force</Table.Cell>
            <Table.Cell>Since</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {CONSENT_PURPOSES.map((purpose) => {
            const d = inForce[purpose];
            return (
              <Table.Row key={purpose}>
                <Table.Cell>
                  {PURPOSE_LABELS[purpose][0]?.toUpperCase()}
                  {PURPOSE_LABELS[purpose].slice(1)}
                  {d?.carerName ? ` (${d.carerName})` : ''}
                </Table.Cell>
                <Table.Cell>{d ? <Tag modifier={DECISION_TAG[d.decision]}>{d.decision[0]?.toUpperCase() + d.decision.slice(1)}</Tag> : DEFAULT_WORDS[purpose]}</Table.Cell>
                <Table.Cell>{d ? formatDate(d.decidedAt) : '–'}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>

      {can(actor.role, 'consent.record') && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2>Record a decision</h2>
            <ConsentForm patientId={id} />
          </div>
        </div>
      )}

      <h2>History</h2>
      {history.length === 0 ? (
        <p>No decisions recorded yet.</p>
      ) : (
        <Table caption="Every decision recorded, newest first" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Date</Table.Cell>
              <Table.Cell>Sharing with</Table.Cell>
              <Table.Cell>Decision</Table.Cell>
              <Table.Cell>How given</Table.Cell>
              <Table.Cell>Recorded by</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {history.map((h) => (
              <Table.Row key={h.id}>
                <Table.Cell>{formatDate(h.decidedAt)}</Table.Cell>
                <Table.Cell>
                  {PURPOSE_LABELS[h.purpose]}
                  {h.carerName ? ` (${h.carerName})` : ''}
                  {h.notes && <span className="nhsuk-body-s carenav-pre"><br />{h.notes}</span>}
                </Table.Cell>
                <Table.Cell>{h.decision}</Table.Cell>
                <Table.Cell>{CONSENT_METHOD_LABELS[h.method]}</Table.Cell>
                <Table.Cell>
                  {h.recordedByName}, {formatDate(h.recordedAt)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
