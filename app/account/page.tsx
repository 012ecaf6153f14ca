import Link from 'next/link';
import { SummaryList } from 'nhsuk-react-components';
import { ROLE_LABELS } from '../../server/access/permissions';
import { pageCaller } from '../lib/guard';

export const metadata = { title: 'Your account' };

/** For every signed-in user, staff and carers alike: who they are signed in as, and what they can manage. */
export default async function AccountPage() {
  const { actor } = await pageCaller();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Your account</h1>
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>Name</SummaryList.Key>
            <SummaryList.Value>{actor.name}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Role</SummaryList.Key>
            <SummaryList.Value>{ROLE_LABELS[actor.role]}</SummaryList.Value>
          </SummaryList.Row>
        </SummaryList>
        <ul className="nhsuk-list">
          <li>
            <Link href="/account/sessions">Where you are signed in</Link>
            <p className="nhsuk-body-s">See the devices signed in to your account and sign out of any you do not recognise.</p>
          </li>
          <li>
            <Link href="/account/password">Change your password</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
