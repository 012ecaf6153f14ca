import Link from 'next/link';
import { Pager } from '../components/pager';
import { Tag } from 'nhsuk-react-components';
import { load, pageCaller } from '../lib/guard';
import { formatDateTime } from '../lib/format';
import { MarkReadButton } from './mark-read-button';

export const metadata = { title: 'Notifications' };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { before } = await searchParams;
  const { caller } = await pageCaller();
  const { items, nextCursor, unread } = await load(caller.notifications.list({ cursor: before }));
  return (
    <>
      <h1>Notifications</h1>
      <p>
        {unread === 0
          ? 'You have no unread notifications.'
          : `You have ${unread} unread ${unread === 1 ? 'notification' : 'notifications'}.`}
      </p>
      {unread > 0 && <MarkReadButton label="Mark all as read" />}
      {items.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>
            Nothing yet. You will be told here when a discharge you flagged is followed up, when work for someone you look after is overdue,
            and when a colleague gives you a task.
          </p>
        </div>
      ) : (
        <ul className="nhsuk-list carenav-notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'carenav-unread'}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                {!n.readAt && (
                  <>
                    <Tag modifier="blue">New</Tag>{' '}
                  </>
                )}
                {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
              </h2>
              {n.body && <p className="carenav-pre nhsuk-u-margin-bottom-1">{n.body}</p>}
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
              {!n.readAt && <MarkReadButton notificationId={n.id} label="Mark as read" hiddenContext={n.title} />}
            </li>
          ))}
        </ul>
      )}
      <Pager
        next={nextCursor && `/notifications?before=${nextCursor}`}
        first={before ? '/notifications' : null}
        nextLabel="Show older notifications"
      />
    </>
  );
}
