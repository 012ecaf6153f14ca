'use client';

import { useEffect, useState } from 'react';
import { AcceptInvitationForm } from './accept-form';
import { openInvitationAction, type InvitationView } from './actions';

/** Reads the invitation's secret from after "#" in the address, and shows the invitation it opens. */
export function InvitationFromLink({ passwordRules }: { passwordRules: string }) {
  const [token, setToken] = useState('');
  const [view, setView] = useState<InvitationView | null>(null);

  useEffect(() => {
    const secret = decodeURIComponent(window.location.hash.slice(1));
    setToken(secret);
    void openInvitationAction(secret).then(setView);
  }, []);

  if (!view) {
    return (
      <>
        <h1>Your invitation</h1>
        <p role="status">Opening your invitation…</p>
      </>
    );
  }
  if (view.status !== 'open') {
    return (
      <>
        <h1>This link does not work</h1>
        <p>{view.words}</p>
      </>
    );
  }
  return (
    <>
      <h1>See the care of someone you look after</h1>
      <p>
        {view.invitedByName}
        {view.invitedByOrganisation ? ` (${view.invitedByOrganisation})` : ''} has invited you, {view.carerName}, to carenav. You will see
        who to call, who is in the care team, upcoming appointments, and how referrals and hospital discharges are going, for as long as the
        person agrees to share with you.
      </p>
      <p>
        Your email address: <strong>{view.email}</strong>. This link works once, until {view.expiresOn}.
      </p>
      <AcceptInvitationForm
        token={token}
        email={view.email}
        carerName={view.carerName}
        hasAccount={view.hasAccount}
        passwordRules={passwordRules}
      />
    </>
  );
}
