'use client';

import { usePathname } from 'next/navigation';

/** Why the 403 page was shown: about a person's care on a person's pages, about the role elsewhere. */
export function ForbiddenReason() {
  const aboutPerson = /^\/(patients|referrals|tasks|discharges|carer)\/[0-9a-f-]{36}(\/|$)/.test(usePathname());
  return aboutPerson ? (
    <>
      <p>
        You are not involved in this person’s care, or the sharing rules do not allow your organisation to see it. This attempt has been
        recorded in the audit log with your name.
      </p>
      <p>If you need to see this record to care for the person, ask their named contact or your administrator.</p>
    </>
  ) : (
    <p>
      This page is not part of your role’s work. This attempt has been recorded in the audit log with your name. If you think you need it,
      ask your administrator.
    </p>
  );
}
