import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../../components/table';
import { load, pageCaller } from '../../../lib/guard';
import { formatDate } from '../../../lib/format';
import { PatientHeader } from '../patient-header';
import { InviteCarerForm } from './invite-form';
import { CarerAccountToggle } from '../../../components/carer-account-toggle';
import { setCarerActiveAction } from '../actions';
import { formatDay } from '../../../../server/calendar/england-time';
import { withRelationship } from '../../../../server/carers/carer-label';

export const metadata = { title: 'Carers' };

const INVITATION_TAG = {
  open: { label: 'Waiting to be accepted', modifier: 'blue' },
  used: { label: 'Accepted', modifier: 'green' },
  expired: { label: 'Expired', modifier: 'grey' },
  revoked: { label: 'Replaced', modifier: 'grey' },
} as const;

export default async function CarersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const { consented, links, invitations } = await load(caller.carerInvitations.list({ patientId: id }));
  const canInvite = summary.may['carer.invite'];
  const name = `${summary.patient.givenName} ${summary.patient.familyName}`;

  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="carers" />
      <h2>Carers who can see the carer summary</h2>
      <p>
        A carer sees who to call, the care team, upcoming appointments, open referrals and discharges, and entries marked for carers: never
        notes or conditions. They can see it only while {name} agrees to share with them.
      </p>
      {links.length === 0 ? (
        <p>No carer is linked to this record yet.</p>
      ) : (
        <Table caption="Linked carers" responsive>
          <TableHead>
            <TableRow>
              <TableCell>Carer</TableCell>
              <TableCell>Relationship</TableCell>
              <TableCell>Linked since</TableCell>
              <TableCell>Can see it now</TableCell>
              {canInvite && <TableCell>Account</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {links.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{l.name}</TableCell>
                <TableCell>{l.relationship}</TableCell>
                <TableCell>{formatDate(l.createdAt)}</TableCell>
                <TableCell>
                  {l.canSee ? (
                    <Tag modifier="green">Yes</Tag>
                  ) : (
                    <>
                      <Tag modifier="grey">No</Tag>{' '}
                      {!l.active
                        ? 'account deactivated'
                        : l.consent
                          ? `consent ${l.consent.decision} on ${formatDay(l.consent.decidedAt)}`
                          : 'no consent recorded for this carer'}
                    </>
                  )}
                </TableCell>
                {canInvite && (
                  <TableCell>
                    <CarerAccountToggle
                      action={setCarerActiveAction}
                      fields={{ patientId: id, carerLinkId: l.id }}
                      name={l.name}
                      active={l.active}
                      compact
                      keptNote="Their link to this record is kept."
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {canInvite && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2>Invite a carer</h2>
            {consented.length === 0 ? (
              <div className="nhsuk-inset-text">
                <p>
                  {name} has not agreed to share with a carer. <Link href={`/patients/${id}/consent`}>Record their consent</Link> (or their
                  attorney’s, under a lasting power of attorney for health and welfare) first.
                </p>
              </div>
            ) : (
              <InviteCarerForm patientId={id} consented={consented} />
            )}
          </div>
        </div>
      )}

      <h2>Invitations</h2>
      {invitations.length === 0 ? (
        <p>No invitations have been made.</p>
      ) : (
        <Table caption="Invitations, newest first" responsive>
          <TableHead>
            <TableRow>
              <TableCell>Carer</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Invited</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invitations.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{withRelationship(i.carerName, i.relationship)}</TableCell>
                <TableCell>{i.email}</TableCell>
                <TableCell>
                  {formatDate(i.createdAt)} by {i.invitedByName}
                </TableCell>
                <TableCell>
                  <Tag modifier={INVITATION_TAG[i.status].modifier}>{INVITATION_TAG[i.status].label}</Tag>
                  {i.status === 'open' && <> until {formatDate(i.expiresAt)}</>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
