import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../../components/table';
import { load, pageCaller } from '../../../lib/guard';
import { PatientHeader } from '../patient-header';
import { StaffSearch } from '../staff-search';
import { AddColleagueForm, AddExternalForm, RemoveMemberForm } from './care-team-forms';

export const metadata = { title: 'Care team' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ remove?: string; colleague?: string }> };

export default async function CareTeamPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { remove, colleague = '' } = await searchParams;
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const canEdit = summary.may['careTeam.edit'];
  // Only the colleagues matching what was typed are listed (a whole ICS has thousands of staff).
  const search = colleague.trim().slice(0, 100);
  const staff = canEdit && search ? await load(caller.patients.staff({ search })) : { matches: [], more: false };
  const removing = summary.careTeam.find((m) => m.id === remove);
  const contact = summary.namedContact;

  return (
    <>
      <PatientHeader summary={summary} access={summary.access} current="care-team" />
      <h2>Care team</h2>
      {removing && canEdit && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Remove {removing.name} from the care team?
            </span>
          </h3>
          <p>
            {removing.userId ? 'They will no longer be able to see this record through the care team. ' : ''}
            The change is recorded on the timeline.
          </p>
          <RemoveMemberForm patientId={id} memberId={removing.id} name={removing.name} />
        </div>
      )}
      {summary.careTeam.length === 0 && !contact ? (
        <p>Nobody is on the care team yet.</p>
      ) : (
        <Table caption="People involved in this person’s care" responsive>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Organisation</TableCell>
              <TableCell>Phone</TableCell>
              {canEdit && <TableCell>Action</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {/* The named contact is on the team around the person even when not added to it by hand. */}
            {contact && !summary.careTeam.some((m) => m.userId === summary.patient.namedContactUserId) && (
              <TableRow>
                <TableCell>{contact.name} (named contact)</TableCell>
                <TableCell>{contact.jobTitle || 'Named contact'}</TableCell>
                <TableCell>{contact.organisationName}</TableCell>
                <TableCell>{contact.phone || 'Not given'}</TableCell>
                {canEdit && <TableCell>Change on the record’s summary</TableCell>}
              </TableRow>
            )}
            {summary.careTeam.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  {m.name}
                  {m.userId === summary.patient.namedContactUserId && ' (named contact)'}
                </TableCell>
                <TableCell>{m.role || 'Not given'}</TableCell>
                <TableCell>{m.organisationName}</TableCell>
                <TableCell>{m.phone || 'Not given'}</TableCell>
                {canEdit && (
                  <TableCell>
                    <Link href={`/patients/${id}/care-team?remove=${m.id}`}>
                      Remove<span className="nhsuk-u-visually-hidden"> {m.name}</span>
                    </Link>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <h2 className="nhsuk-heading-m">Add a colleague</h2>
            <StaffSearch
              action={`/patients/${id}/care-team`}
              name="colleague"
              label="Search staff by name or organisation"
              hint="Type part of their name or organisation, then choose the colleague from the list"
              search={search}
              found={staff}
              what={['colleague', 'colleagues']}
            />
            {staff.matches.length > 0 && <AddColleagueForm patientId={id} staff={staff.matches} />}
          </div>
          <div className="nhsuk-grid-column-one-half">
            <h2 className="nhsuk-heading-m">Add someone outside carenav</h2>
            <AddExternalForm patientId={id} />
          </div>
        </div>
      )}
    </>
  );
}
