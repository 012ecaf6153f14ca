import Link from 'next/link';
import { RowLink } from '../components/row-link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Tag } from 'nhsuk-react-components';
import { HOME_PAGE_ROLES, ROLE_HOME, can } from '../../server/access/permissions';
import { DISCHARGE_STATUS_LABELS } from '../../server/discharges/discharge-fields';
import { load, pageCaller } from '../lib/guard';
import { DISCHARGE_STATUS_TAG, formatDate, formatDateTime } from '../lib/format';
import { timeLeft } from '../lib/time-left';

export const metadata = { title: 'Your work' };

/** How many of each list the home page shows; each links to its full list. */
const SHOWN = 5;

/**
 * A home for roles whose work is spread over several lists (GP practice, hospital discharge team,
 * social workers, housing and voluntary services): a short part of each list, read through the
 * same use cases as the full lists, each with a link to the whole list and its own empty state.
 */
export default async function HomePage() {
  const { caller, actor } = await pageCaller();
  // Navigators, carers and administrators have a page that is already their work.
  if (!HOME_PAGE_ROLES.includes(actor.role)) redirect(ROLE_HOME[actor.role]);
  const role = actor.role;
  const [notifications, handoffs, referrals, tasks, discharges, people] = await Promise.all([
    load(caller.notifications.list({ unread: true, first: SHOWN })),
    can(role, 'handoff.respond') ? load(caller.handoffs.mine()) : null,
    can(role, 'referral.list') ? load(caller.referrals.list({ view: 'new', first: SHOWN })) : null,
    can(role, 'task.list') ? load(caller.tasks.list({ view: 'mine', first: SHOWN })) : null,
    can(role, 'discharge.list') ? load(caller.discharges.list({ status: 'active', first: SHOWN })) : null,
    can(role, 'patient.read') ? load(caller.patients.mine()) : null,
  ]);
  const unreadItems = notifications.items;
  const handoffsToMe = handoffs?.filter((h) => h.toUserId === actor.userId) ?? null;

  return (
    <>
      <h1>Your work</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <HomeSection
            id="home-notifications"
            title="Notifications"
            summary={
              notifications.unread === 0
                ? 'You have no unread notifications.'
                : `You have ${notifications.unread} unread ${notifications.unread === 1 ? 'notification' : 'notifications'}.`
            }
            more={{ href: '/notifications', label: 'All your notifications' }}
          >
            {unreadItems.map((n) => (
              <li key={n.id}>
                {n.link ? <RowLink href={n.link}>{n.title}</RowLink> : n.title}
                <span className="nhsuk-body-s nhsuk-u-display-block">{formatDateTime(n.createdAt)}</span>
              </li>
            ))}
          </HomeSection>

          {handoffsToMe && (
            <HomeSection
              id="home-handoffs"
              title="Hand-overs waiting for you"
              empty="No hand-overs waiting for you."
              more={{ href: '/referrals', label: 'Answer hand-overs on your referrals page' }}
            >
              {handoffsToMe.slice(0, SHOWN).map((h) => (
                <li key={h.id}>
                  {h.fromName} asks you to become named contact for {h.givenName} {h.familyName}.
                </li>
              ))}
            </HomeSection>
          )}

          {referrals && (
            <HomeSection
              id="home-referrals"
              title="New referrals for your team"
              empty="No new referrals are waiting for your team."
              more={{ href: '/referrals', label: 'All referrals' }}
            >
              {referrals.items.slice(0, SHOWN).map((r) => {
                const left = timeLeft(r.targetAt);
                return (
                  <li key={r.id}>
                    <RowLink href={`/referrals/${r.id}`}>
                      {r.givenName} {r.familyName}
                    </RowLink>
                    <span className="nhsuk-body-s nhsuk-u-display-block">
                      {r.serviceName}: {left.late && <Tag modifier="red">Overdue</Tag>} {left.words}
                    </span>
                  </li>
                );
              })}
            </HomeSection>
          )}

          {tasks && (
            <HomeSection
              id="home-tasks"
              title="Your tasks"
              empty="You have no tasks."
              more={{ href: '/tasks', label: 'All your tasks and your team’s queue' }}
            >
              {tasks.rows.slice(0, SHOWN).map((t) => (
                <li key={t.id}>
                  <RowLink href={`/tasks/${t.id}`}>{t.title}</RowLink>
                  <span className="nhsuk-body-s nhsuk-u-display-block">
                    For {t.givenName} {t.familyName}
                    {t.dueAt !== null && `, due ${formatDateTime(t.dueAt)}`}
                  </span>
                </li>
              ))}
            </HomeSection>
          )}
        </div>

        <div className="nhsuk-grid-column-one-half">
          {discharges && (
            <HomeSection
              id="home-discharges"
              title="Discharges you flagged"
              empty="No discharges you flagged are in progress."
              more={{ href: '/discharges', label: 'All discharges you flagged' }}
            >
              {discharges.items.slice(0, SHOWN).map((d) => (
                <li key={d.id}>
                  <RowLink href={`/discharges/${d.id}`}>
                    {d.givenName} {d.familyName}
                  </RowLink>
                  <span className="nhsuk-body-s nhsuk-u-display-block">
                    Expected {formatDate(d.expectedDate)}{' '}
                    <Tag modifier={DISCHARGE_STATUS_TAG[d.status]}>{DISCHARGE_STATUS_LABELS[d.status]}</Tag>
                  </span>
                </li>
              ))}
            </HomeSection>
          )}
          {can(role, 'discharge.flag') && (
            <p>
              <Link href="/discharges/new">Flag a discharge</Link>
            </p>
          )}

          {people && (
            <HomeSection
              id="home-people"
              title="Your people"
              summary={
                role === 'gp_staff'
                  ? 'People registered at your practice, and people whose care team you are on.'
                  : role === 'social_worker'
                    ? 'People whose care team you are on, or whose named contact you are.'
                    : 'People whose care team you are on.'
              }
              empty="You are not on anyone’s care team yet. Search to find a person you work with."
              more={{ href: '/patients', label: people.more ? 'Find someone else' : 'Find a person' }}
            >
              {people.rows.map((p) => (
                <li key={p.id}>
                  <RowLink href={`/patients/${p.id}`}>
                    {p.givenName} {p.familyName}
                  </RowLink>
                  <span className="nhsuk-body-s nhsuk-u-display-block">Born {formatDate(p.dateOfBirth)}</span>
                </li>
              ))}
            </HomeSection>
          )}
        </div>
      </div>
    </>
  );
}

/** One of the lists: a heading, a few items (or why there are none) and the way to the whole list. */
function HomeSection({
  id,
  title,
  summary,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  summary?: string;
  empty?: string;
  more: { href: string; label: string };
  children: ReactNode[];
}) {
  return (
    <section aria-labelledby={id} className="nhsuk-u-margin-bottom-6">
      <h2 id={id} className="nhsuk-heading-m">
        {title}
      </h2>
      {summary && <p>{summary}</p>}
      {children.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--border">{children}</ul>
      ) : (
        empty && (
          <div className="nhsuk-inset-text nhsuk-u-margin-top-0">
            <p>{empty}</p>
          </div>
        )
      )}
      <p>
        <Link href={more.href}>{more.label}</Link>
      </p>
    </section>
  );
}
