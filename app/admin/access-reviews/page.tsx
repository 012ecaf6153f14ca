import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { ROLE_LABELS } from '../../../server/access/permissions';
import { load, pageCaller } from '../../lib/guard';
import { formatDateTime } from '../../lib/format';
import { TabNav } from '../../components/tab-nav';
import { ReviewForm } from './review-form';

export const metadata = { title: 'Emergency access reviews' };

type Props = { searchParams: Promise<{ status?: string; before?: string }> };

export default async function AccessReviewsPage({ searchParams }: Props) {
  const query = await searchParams;
  const status = query.status === 'reviewed' ? 'reviewed' : 'to_review';
  const { caller } = await pageCaller();
  const { items, nextCursor } = await load(caller.access.reviews({ status, cursor: query.before || undefined }));
  return (
    <>
      <h1>Emergency access reviews</h1>
      <p>
        Each time someone used emergency (break-glass) access to a record they had no other reason to see: who, whose record, the reason
        they gave and what they opened. Decide whether it was appropriate. You see the person’s name only, never their record; your review
        is recorded.
      </p>
      <TabNav
        label="Reviews"
        current={status}
        tabs={[
          { id: 'to_review', href: '/admin/access-reviews', label: 'To review' },
          { id: 'reviewed', href: '/admin/access-reviews?status=reviewed', label: 'Reviewed' },
        ]}
      />
      {items.length === 0 && <p>{status === 'to_review' ? 'Nothing to review.' : 'No reviews yet.'}</p>}
      {items.map((g) => (
        <section key={g.id} className="nhsuk-card" aria-labelledby={`grant-${g.id}`}>
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`grant-${g.id}`}>
              {g.userName} opened {g.personName}’s record
            </h2>
            <p className="nhsuk-u-margin-bottom-2">
              {ROLE_LABELS[g.role]}
              {g.organisationName ? `, ${g.organisationName}` : ''} · from {formatDateTime(g.grantedAt)} until {formatDateTime(g.expiresAt)}
            </p>
            <p>
              <strong>Reason given:</strong> <span className="carenav-pre">{g.reason}</span>
            </p>
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">What they opened ({g.viewed.length})</span>
              </summary>
              <div className="nhsuk-details__text">
                <ul className="nhsuk-list">
                  {g.viewed.map((v, i) => (
                    <li key={i}>
                      {formatDateTime(v.at)}: {v.what}
                    </li>
                  ))}
                </ul>
              </div>
            </details>
            {g.reviewedAt ? (
              <p>
                <Tag modifier={g.reviewOutcome === 'appropriate' ? 'green' : 'red'}>
                  {g.reviewOutcome === 'appropriate' ? 'Appropriate' : 'Inappropriate'}
                </Tag>{' '}
                {g.reviewedByName}, {formatDateTime(g.reviewedAt)}: <span className="carenav-pre">{g.reviewNote}</span>
              </p>
            ) : (
              <ReviewForm grantId={g.id} who={g.userName} />
            )}
          </div>
        </section>
      ))}
      {nextCursor && (
        <p>
          <Link
            href={`/admin/access-reviews?${new URLSearchParams({ ...(status === 'reviewed' ? { status } : {}), before: nextCursor }).toString()}`}
          >
            Show older
          </Link>
        </p>
      )}
    </>
  );
}
