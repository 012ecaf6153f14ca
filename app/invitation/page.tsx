import { PASSWORD_RULES } from '../../server/auth/password-policy';
import { InvitationFromLink } from './invitation-from-link';

export const metadata = { title: 'Your invitation' };

/**
 * Where an invitation link lands: /invitation#<secret>. The secret stays in the browser (a fragment
 * is never sent), so the page reads it there and posts it; the link is the only key.
 */
export default function InvitationPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <InvitationFromLink passwordRules={PASSWORD_RULES} />
      </div>
    </div>
  );
}
