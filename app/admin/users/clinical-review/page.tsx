import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../../components/table';
import { ROLE_LABELS } from '../../../../server/access/permissions';
import { CLINICAL_REVIEW_DAYS } from '../../../../server/admin/list-clinical-account-changes';
import { load, pageCaller } from '../../../lib/guard';
import { formatDateTime } from '../../../lib/format';
import { ReviewClinicalAccountForm } from './review-form';

export const metadata = { title: 'Clinical accounts to review' };

/**
 * Accounts given a clinical role in the last 30 days, for a second administrator to check (#16
 * finding 5): an administrator alone giving someone access to records is what this guards.
 */
export default async function ClinicalReviewPage() {
  const { caller } = await pageCaller();
  const changes = await load(caller.admin.clinicalAccountChanges({}));
  const toReview = changes.filter((c) => !c.reviewedAt).length;
  return (
    <>
      <h1>Clinical accounts to review</h1>
      <p>
        Accounts created with a clinical or administrator role, or changed to one, in your organisation in the last {CLINICAL_REVIEW_DAYS}{' '}
        days. A clinical role can open people’s records and an administrator can create accounts, so another administrator checks each one:
        that the person, their role and their organisation are expected. You cannot review an account you created or changed yourself. Your
        review is recorded in the audit log.
      </p>
      <p>
        <Link href="/admin">Back to organisations and users</Link>
      </p>
      {changes.length === 0 ? (
        <p>No accounts have been given a clinical or administrator role in the last {CLINICAL_REVIEW_DAYS} days.</p>
      ) : (
        <Table caption={`${changes.length} ${changes.length === 1 ? 'change' : 'changes'}, ${toReview} to review`} responsive>
          <TableHead>
            <TableRow>
              <TableCell>Account</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>By</TableCell>
              <TableCell>Review</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={`/admin/users/${c.accountId}`}>{c.accountName ?? 'Account no longer exists'}</Link>
                  {c.organisationName ? <span className="nhsuk-u-display-block">{c.organisationName}</span> : null}
                </TableCell>
                <TableCell>{ROLE_LABELS[c.role]}</TableCell>
                <TableCell>
                  {c.kind === 'created' ? 'Created' : `Changed from ${c.previousRole ? ROLE_LABELS[c.previousRole] : 'another role'}`},{' '}
                  {formatDateTime(c.at)}
                </TableCell>
                <TableCell>{c.byName ?? 'Unknown administrator'}</TableCell>
                <TableCell>
                  {c.reviewedAt ? (
                    <>
                      <Tag modifier="green">Reviewed</Tag>{' '}
                      <span className="nhsuk-u-display-block">
                        {c.reviewedByName ?? 'An administrator'}, {formatDateTime(c.reviewedAt)}
                      </span>
                    </>
                  ) : c.mayReview ? (
                    <ReviewClinicalAccountForm changeId={c.id} who={c.accountName ?? 'this account'} />
                  ) : (
                    <Tag modifier="yellow">Waiting for another administrator</Tag>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
