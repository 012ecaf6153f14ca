import { PASSWORD_RULES } from '../../../server/auth/password';
import { serverCaller } from '../../../server/auth/request-context';
import { INVITATION_STATUS_WORDS } from '../../../server/carers/invitation-status';
import { AcceptInvitationForm } from './accept-form';
import { formatDay } from '../../../server/calendar/england-time';

export const metadata = { title: 'Your invitation' };

/** Where an invitation link lands: open to anyone holding the link, which is the only key. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { caller } = await serverCaller();
  const invitation = await caller.carerInvitations.get({ token: token.slice(0, 100) });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {invitation.status === 'open' ? (
          <>
            <h1>See the care of someone you look after</h1>
            <p>
              {invitation.invitedByName}
              {invitation.invitedByOrganisation ? ` (${invitation.invitedByOrganisation})` : ''} has invited you, {invitation.carerName}, to
              carenav. You will see who to call, who is in the care team, upcoming appointments, and how referrals and hospital discharges
              are going, for as long as the person agrees to share with you.
            </p>
            <p>
              Your email address: <strong>{invitation.email}</strong>. This link works once, until {formatDay(invitation.expiresAt)}.
            </p>
            <AcceptInvitationForm
              token={token}
              email={invitation.email}
              carerName={invitation.carerName}
              hasAccount={invitation.hasAccount}
              passwordRules={PASSWORD_RULES}
            />
          </>
        ) : (
          <>
            <h1>This link does not work</h1>
            <p>{INVITATION_STATUS_WORDS[invitation.status]}</p>
          </>
        )}
      </div>
    </div>
  );
}
