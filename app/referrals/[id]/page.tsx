import Link from 'next/link';
import { SummaryList, Tag } from 'nhsuk-react-components';
import { can } from '../../../server/access/permissions';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUS_WORDS, URGENCY_LABELS } from '../../../server/referrals/referral-fields';
import { WhyCanISee } from '../../components/why-can-i-see';
import { SummaryRow } from '../../components/summary-row';
import { load, pageCaller } from '../../lib/guard';
import { formatDate, formatDateTime, formatNhsNumber } from '../../lib/format';
import { timeLeft } from '../../lib/time-left';
import { ReferralActions } from './referral-actions';
import { DoneNotice } from '../../components/done-notice';
import { REFERRAL_DONE } from '../done-messages';

export const metadata = { title: 'Referral' };

export default async function ReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const { caller, actor } = await pageCaller();
  const d = await load(caller.referrals.get({ referralId: id }));
  const r = d.referral;
  const side =
    actor.organisationId === r.toOrganisationId
      ? 'receiving'
      : actor.organisationId === r.fromOrganisationId || actor.userId === r.fromUserId
        ? 'referring'
        : 'none';
  const left = timeLeft(r.targetAt);
  // A finished referral looked back at by whoever worked it: the referral only, read-only.
  const lookingBack = d.access.rule === 'referral_handled';
  const row = (key: string, value: React.ReactNode) => <SummaryRow label={key}>{value}</SummaryRow>;
  return (
    <>
      <span className="nhsuk-caption-l">
        {d.person.givenName} {d.person.familyName} · NHS number {formatNhsNumber(d.person.nhsNumber)} · Born{' '}
        {formatDate(d.person.dateOfBirth)}
      </span>
      <h1 className="nhsuk-u-margin-bottom-3">Referral to {d.service.name}</h1>
      <DoneNotice done={done} messages={REFERRAL_DONE} />
      <p>
        <Tag modifier={r.status === 'completed' ? 'green' : r.status === 'declined' ? 'red' : r.status === 'cancelled' ? 'grey' : 'blue'}>
          {REFERRAL_STATUS_LABELS[r.status]}
        </Tag>{' '}
        {r.status === 'sent' && left.late && <Tag modifier="red">Overdue</Tag>}
      </p>
      <p>
        This referral is {REFERRAL_STATUS_WORDS[r.status]}
        {r.status === 'sent' ? `: a response is due by ${formatDateTime(r.targetAt)} (${left.words}).` : '.'}
      </p>
      <WhyCanISee explanation={d.access.explanation} />
      {lookingBack && (
        <div className="nhsuk-inset-text">
          <p>
            You worked on this referral and it is finished, so you can look back at it here. It cannot be changed, and the rest of{' '}
            {d.person.givenName} {d.person.familyName}’s record is not shown.
          </p>
        </div>
      )}
      {can(actor.role, 'patient.read') && !['referral_received', 'referral_handled'].includes(d.access.rule) && (
        <p>
          <Link href={`/patients/${d.person.id}`}>
            Open {d.person.givenName} {d.person.familyName}’s record
          </Link>
        </p>
      )}
      {r.status === 'completed' && (
        <div className="nhsuk-card nhsuk-card--feature">
          <div className="nhsuk-card__content nhsuk-card__content--feature">
            <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">Outcome</h2>
            <p>
              {r.outcome === 'successful' ? 'Successful' : `Not successful: ${r.outcomeReason ?? ''}`}
              {r.outcomeNote ? `. ${r.outcomeNote}` : ''}
            </p>
          </div>
        </div>
      )}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <SummaryList>
            {row(
              'From',
              `${d.referrerName}${d.fromOrganisationName ? `, ${d.fromOrganisationName}` : ''}${d.referrerPhone ? ` (${d.referrerPhone})` : ''}`,
            )}
            {row('To', `${d.service.name}, ${d.toOrganisationName}`)}
            {row('Owner', d.ownerName ?? 'Nobody has picked it up yet')}
            {row('Urgency', URGENCY_LABELS[r.urgency])}
            {row('Sent', formatDateTime(r.sentAt))}
            {r.respondedAt && row('Answered', formatDateTime(r.respondedAt))}
            {r.closedAt && row(r.status === 'cancelled' ? 'Cancelled' : 'Finished', formatDateTime(r.closedAt))}
            {row('Reason', <span className="carenav-pre">{r.reason}</span>)}
            {row('What the person wants', <span className="carenav-pre">{r.personWants}</span>)}
            {r.attachments && row('Attached information', <span className="carenav-pre">{r.attachments}</span>)}
            {r.declineReason && row('Why it was declined', r.declineReason)}
            {r.cancelReason && row('Why it was cancelled', r.cancelReason)}
          </SummaryList>
          {!lookingBack && (
            <ReferralActions
              referralId={r.id}
              status={r.status}
              side={side}
              serviceName={d.service.name}
              outcomeReasons={d.outcomeReasons}
            />
          )}

          {d.about && (
            <>
              <h2>About {d.person.givenName}</h2>
              <SummaryList>
                {row('What matters to me', <span className="carenav-pre">{d.about.aboutWhatMatters || 'Not written yet'}</span>)}
                {row('My strengths', <span className="carenav-pre">{d.about.aboutStrengths || 'Not written yet'}</span>)}
                {row(
                  'What everyone should know',
                  <span className="carenav-pre">{d.about.aboutEveryoneShouldKnow || 'Not written yet'}</span>,
                )}
                {row('Communication needs', d.about.communicationNeeds || 'None recorded')}
                {row(
                  'Named contact',
                  d.about.namedContact
                    ? `${d.about.namedContact.name}, ${d.about.namedContact.organisationName}${d.about.namedContact.phone ? ` (${d.about.namedContact.phone})` : ''}`
                    : 'None yet',
                )}
              </SummaryList>
            </>
          )}

          <h2>What has happened</h2>
          <ol className="carenav-timeline">
            {d.events.map((e) => (
              <li key={e.id}>
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{e.summary}</h3>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  <time dateTime={new Date(e.occurredAt).toISOString()}>{formatDateTime(e.occurredAt)}</time> · {e.authorName}
                </p>
                {e.body && <p className="carenav-pre">{e.body}</p>}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </>
  );
}
