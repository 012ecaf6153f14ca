import { RowLink } from '../components/row-link';
import { Pager } from '../components/pager';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { REFERRALS_PAGE_SIZE, REFERRAL_VIEWS, type ReferralView } from '../../server/referrals/list-referrals';
import { REFERRAL_STATUS_LABELS, URGENCY_LABELS } from '../../server/referrals/referral-fields';
import { TabNav } from '../components/tab-nav';
import { DoneNotice } from '../components/done-notice';
import { REFERRALS_DONE } from './done-messages';
import { HandoffButton } from './handoff-forms';
import { load, loadListPage, pageCaller } from '../lib/guard';
import { FormErrors } from '../components/form-errors';
import { formatDateTime } from '../lib/format';
import { timeLeft } from '../lib/time-left';

export const metadata = { title: 'Referrals' };

const VIEW_LABELS: Record<ReferralView, string> = {
  new: 'New for my team',
  active: 'Accepted and in progress',
  overdue: 'Overdue',
  completed: 'Completed',
  sent: 'Sent by my team',
};
const EMPTY: Record<ReferralView, string> = {
  new: 'No new referrals are waiting for your team.',
  active: 'Your team is not working on any referrals.',
  overdue: 'No referrals to your team are past their response time.',
  completed: 'You have not completed or declined any referrals yet.',
  sent: 'Your team has not sent any referrals yet. Refer from a person’s record.',
};
const STATUS_TAG = {
  sent: 'blue',
  accepted: 'purple',
  in_progress: 'purple',
  completed: 'green',
  declined: 'red',
  cancelled: 'grey',
} as const;

export default async function ReferralsPage({ searchParams }: { searchParams: Promise<{ view?: string; after?: string; done?: string }> }) {
  const params = await searchParams;
  const view = REFERRAL_VIEWS.find((v) => v === params.view) ?? 'new';
  const { caller, actor } = await pageCaller();
  // A cursor the list refuses is told at the page field, over the first page.
  const [
    {
      value: { items, nextCursor },
      after,
      pageErrors,
    },
    handoffs,
  ] = await Promise.all([loadListPage((cursor) => caller.referrals.list({ view, cursor }), params.after), load(caller.handoffs.mine())]);
  const incoming = view !== 'sent';
  return (
    <>
      <h1>Referrals</h1>
      <DoneNotice done={params.done} messages={REFERRALS_DONE} />
      <FormErrors result={pageErrors ? { ok: false, fieldErrors: pageErrors } : null} labels={{ cursor: 'Page' }} />
      {handoffs.length > 0 && (
        <section aria-labelledby="handoffs">
          <h2 id="handoffs">Hand-overs of named contact</h2>
          <ul className="nhsuk-list nhsuk-list--border">
            {handoffs.map((h) => (
              <li key={h.id}>
                <p className="nhsuk-u-margin-bottom-2">
                  {h.toUserId === actor.userId
                    ? `${h.fromName} asks you to become named contact for ${h.givenName} ${h.familyName}.`
                    : `You offered ${h.givenName} ${h.familyName} to ${h.toName}: waiting for them to accept.`}
                  {h.note && ` “${h.note}”`}
                </p>
                <div className="carenav-actions">
                  {h.toUserId === actor.userId ? (
                    <>
                      <HandoffButton handoffId={h.id} response="accept" label="Accept" context={`${h.givenName} ${h.familyName}`} />
                      <HandoffButton
                        handoffId={h.id}
                        response="decline"
                        label="Decline"
                        context={`${h.givenName} ${h.familyName}`}
                        warning
                      />
                    </>
                  ) : (
                    <HandoffButton
                      handoffId={h.id}
                      response="withdraw"
                      label="Withdraw"
                      context={`${h.givenName} ${h.familyName}`}
                      warning
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <TabNav
        label="Which referrals"
        tabs={REFERRAL_VIEWS.map((v) => ({ id: v, href: `/referrals?view=${v}`, label: VIEW_LABELS[v] }))}
        current={view}
      />
      {items.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>{after ? 'There are no more referrals.' : EMPTY[view]}</p>
        </div>
      ) : (
        <Table
          responsive
          caption={`${view === 'completed' ? 'Referrals you completed or declined' : VIEW_LABELS[view]}${after ? ' (a later page)' : nextCursor ? ' (first page)' : ''}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>Person</TableCell>
              <TableCell>Service</TableCell>
              <TableCell>{incoming ? 'From' : 'Picked up by'}</TableCell>
              <TableCell>Urgency</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Response</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((r) => {
              const left = timeLeft(r.targetAt);
              return (
                <TableRow key={r.id}>
                  <TableCell>
                    <RowLink href={`/referrals/${r.id}`}>
                      {r.givenName} {r.familyName}
                    </RowLink>
                    <span className="nhsuk-body-s nhsuk-u-display-block">Sent {formatDateTime(r.sentAt)}</span>
                  </TableCell>
                  <TableCell>{r.serviceName}</TableCell>
                  <TableCell>
                    {incoming
                      ? `${r.fromName}${r.fromOrganisationName ? `, ${r.fromOrganisationName}` : ''}`
                      : (r.ownerName ?? 'Nobody yet')}
                  </TableCell>
                  <TableCell>{URGENCY_LABELS[r.urgency]}</TableCell>
                  <TableCell>
                    <Tag modifier={STATUS_TAG[r.status]}>{REFERRAL_STATUS_LABELS[r.status]}</Tag>
                    {r.outcome && (
                      <span className="nhsuk-body-s nhsuk-u-display-block">
                        {r.outcome === 'successful' ? 'Successful' : `Not successful: ${r.outcomeReason ?? ''}`}
                      </span>
                    )}
                    {r.declineReason && <span className="nhsuk-body-s nhsuk-u-display-block">{r.declineReason}</span>}
                  </TableCell>
                  <TableCell>
                    {r.status === 'sent' ? (
                      <>
                        {left.late && <Tag modifier="red">Overdue</Tag>} {left.words}
                      </>
                    ) : r.closedAt ? (
                      `Closed ${formatDateTime(r.closedAt)}`
                    ) : r.respondedAt ? (
                      `Answered ${formatDateTime(r.respondedAt)}`
                    ) : (
                      '–'
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pager
        next={nextCursor && `/referrals?view=${view}&after=${nextCursor}`}
        first={after ? `/referrals?view=${view}` : null}
        nextLabel={`Show the next ${REFERRALS_PAGE_SIZE} referrals`}
      />
    </>
  );
}
