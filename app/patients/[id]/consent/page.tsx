import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../../components/table';
import { CONSENT_PURPOSES } from '../../../../server/consent/list-consents';
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
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const { history, inForce, carersInForce } = await load(caller.consent.list({ patientId: id }));
  // Each carer has their own decision: one row per carer, or the default when there are none.
  const rows = CONSENT_PURPOSES.flatMap((purpose) =>
    purpose === 'named_carer' && carersInForce.length > 0 ? carersInForce.map((d) => ({ purpose, d })) : [{ purpose, d: inForce[purpose] }],
  );

  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="consent" />
      <h2>Decisions in force</h2>
      <Table caption="The latest decision for each kind of sharing is the one in force" responsive>
        <TableHead>
          <TableRow>
            <TableCell>Sharing with</TableCell>
            <TableCell>In force</TableCell>
            <TableCell>Since</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ purpose, d }) => {
            return (
              <TableRow key={`${purpose}-${d?.carerKey ?? ''}`}>
                <TableCell>
                  {PURPOSE_LABELS[purpose][0]?.toUpperCase()}
                  {PURPOSE_LABELS[purpose].slice(1)}
                  {d?.carerName ? ` (${d.carerName})` : ''}
                </TableCell>
                <TableCell>
                  {d ? (
                    <Tag modifier={DECISION_TAG[d.decision]}>{d.decision[0]?.toUpperCase() + d.decision.slice(1)}</Tag>
                  ) : (
                    DEFAULT_WORDS[purpose]
                  )}
                </TableCell>
                <TableCell>{d ? formatDate(d.decidedAt) : '–'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      {summary.may['consent.record'] && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2>Record a decision</h2>
            <ConsentForm patientId={id} knownCarers={carersInForce.map((c) => c.carerName)} />
          </div>
        </div>
      )}

      <h2>History</h2>
      {history.length === 0 ? (
        <p>No decisions recorded yet.</p>
      ) : (
        <Table caption="Every decision recorded, newest first" responsive>
          <TableHead>
            <TableRow>
              <TableCell>Date</TableCell>
              <TableCell>Sharing with</TableCell>
              <TableCell>Decision</TableCell>
              <TableCell>How given</TableCell>
              <TableCell>Recorded by</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((h) => (
              <TableRow key={h.id}>
                <TableCell>{formatDate(h.decidedAt)}</TableCell>
                <TableCell>
                  {PURPOSE_LABELS[h.purpose]}
                  {h.carerName ? ` (${h.carerName})` : ''}
                  {h.notes && (
                    <span className="nhsuk-body-s carenav-pre">
                      <br />
                      {h.notes}
                    </span>
                  )}
                </TableCell>
                <TableCell>{h.decision}</TableCell>
                <TableCell>{CONSENT_METHOD_LABELS[h.method]}</TableCell>
                <TableCell>
                  {h.recordedByName}, {formatDate(h.recordedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
