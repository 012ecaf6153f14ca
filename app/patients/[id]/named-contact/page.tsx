import { load, pageCaller } from '../../../lib/guard';
import { PatientSubpage } from '../patient-subpage';
import { ReadOnlyNotice } from '../emergency-banner';
import { NamedContactForm } from './named-contact-form';
import { StaffSearch } from '../staff-search';
import { HandoffButton, OfferHandoffForm } from '../../../referrals/handoff-forms';
import { HANDOFF_DONE } from '../../../referrals/done-messages';
import { DoneNotice } from '../../../components/done-notice';

export const metadata = { title: 'Change named contact' };

export default async function NamedContactPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; who?: string }>;
}) {
  const { id } = await params;
  const { done, who = '' } = await searchParams;
  // Whom to hand over to is searched for: only the first matches are listed, never every navigator and social worker.
  const search = who.trim().slice(0, 100);
  const { caller } = await pageCaller();
  const summary = await load(caller.patients.get({ patientId: id }));
  const choosesInTeam = summary.may['patient.assignNamedContact'];
  const handsOver = summary.may['handoff.offer'];
  if (!choosesInTeam && !handsOver)
    return (
      <PatientSubpage summary={summary} title="Change named contact">
        <ReadOnlyNotice patientId={id} explanation={summary.refused['handoff.offer']} />
      </PatientSubpage>
    );
  const pending = summary.pendingHandoff;
  const [navigators, candidates] = await Promise.all([
    choosesInTeam ? load(caller.patients.navigators({ patientId: id })) : Promise.resolve([]),
    handsOver && search ? load(caller.handoffs.candidates({ patientId: id, search })) : Promise.resolve({ matches: [], more: false }),
  ]);
  const p = summary.patient;
  return (
    <PatientSubpage summary={summary} title="Change named contact">
      <DoneNotice done={done} messages={HANDOFF_DONE} />
      {choosesInTeam && (
        <>
          <p>The named contact is chosen from {summary.caseloadTeamName}, whose caseload this person is on.</p>
          {navigators.length === 0 ? (
            <p>There are no active navigators in {summary.caseloadTeamName}. Ask your administrator to add one.</p>
          ) : (
            <NamedContactForm patientId={id} version={p.version} current={p.namedContactUserId} navigators={navigators} />
          )}
        </>
      )}
      {handsOver && <h2>Hand over to someone in another team</h2>}
      {!handsOver ? null : pending ? (
        <div className="nhsuk-inset-text">
          <p>
            A hand-over to {pending.toName} is waiting for them to accept. Until then {pending.fromName} stays responsible.
          </p>
          <HandoffButton
            handoffId={pending.id}
            response="withdraw"
            label="Withdraw the hand-over"
            context={`to ${pending.toName}`}
            warning
            returnTo={`/patients/${id}/named-contact`}
          />
        </div>
      ) : (
        <>
          <p>
            The new named contact must accept. Until then the current named contact stays responsible, and both of you see the hand-over
            waiting.
          </p>
          <StaffSearch
            action={`/patients/${id}/named-contact`}
            name="who"
            label="Search navigators and social workers"
            hint="In any team: type part of their name or organisation"
            search={search}
            found={candidates}
            what={['person', 'people']}
          />
          {candidates.matches.length > 0 && (
            <OfferHandoffForm
              patientId={id}
              candidates={candidates.matches
                .filter((c) => c.id !== p.namedContactUserId)
                .map((c) => ({ value: c.id, label: `${c.name}${c.jobTitle ? `, ${c.jobTitle}` : ''}` }))}
            />
          )}
        </>
      )}
    </PatientSubpage>
  );
}
