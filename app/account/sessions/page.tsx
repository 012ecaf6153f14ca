import Link from 'next/link';
import { formatDateTime, timeAgo } from '../../lib/format';
import { load, pageCaller } from '../../lib/guard';
import type { OpenSession } from '../../../server/account/list-sessions';
import { SessionList, type SessionView } from './session-list';

export const metadata = { title: 'Where you are signed in' };

export default async function SessionsPage() {
  const { caller } = await pageCaller();
  const open: OpenSession[] = await load(caller.account.listSessions());
  const sessions: SessionView[] = open.map((s) => ({
    handle: s.handle,
    device: s.device ?? 'Unknown device',
    ip: s.ip,
    started: formatDateTime(s.startedAt),
    lastActive: s.current ? 'Now' : `${formatDateTime(s.lastActiveAt)} (${timeAgo(s.lastActiveAt)})`,
    current: s.current,
  }));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <nav className="nhsuk-back-link" aria-label="Back">
          <Link className="nhsuk-back-link__link" href="/account">
            Your account
          </Link>
        </nav>
        <h1>Where you are signed in</h1>
        <p>
          These are the devices signed in to your account now. If you do not recognise one, sign out of it and{' '}
          <Link href="/account/password">change your password</Link>.
        </p>
        <p>A device is signed out by itself after 30 minutes without use, and after 12 hours however much it is used.</p>
        <SessionList sessions={sessions} />
      </div>
    </div>
  );
}
