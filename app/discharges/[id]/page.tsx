import Link from 'next/link';
import { SummaryList, Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../../components/table';
import { can } from '../../../server/access/permissions';
import { checklistProgress, CLOSE_REASONS, DISCHARGE_STATUS_LABELS, PATHWAY_LABELS } from '../../../server/discharges/discharge-fields';
import { TASK_STATUS_LABELS } from '../../../server/tasks/task-fields';
import { SummaryRow } from '../../components/summary-row';
import { load, pageCaller } from '../../lib/guard';
import { DISCHARGE_STATUS_TAG, RISK_TAG, TASK_STATUS_TAG, formatDate, formatDateTime, formatNhsNumber } from '../../lib/format';
import { TaskButtons } from '../../tasks/task-buttons';
import { StatusActions } from './status-actions';
import { WhyCanISee } from '../../components/why-can-i-see';
import { DoneNotice } from '../../components/done-notice';
import { TASK_DONE } from '../../tasks/done-messages';

export const metadata = { title: 'Discharge' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function DischargePage({ params, searchParams }: Props) {
  const { id } = await params;
  // What a checklist task's button just did, confirmed here.
  const taskDone = (await searchParams).done;
  const { caller, actor } = await pageCaller();
  const { discharge: d, patient, checklist, access, ...names } = await load(caller.discharges.get({ dischargeId: id }));
  const canWorkTasks = can(actor.role, 'task.work');
  const followUp = checklist.find((t) => t.isFollowUp);
  const done = checklist.filter((t) => t.status === 'done').length;
  const counted = checklist.filter((t) => t.status !== 'cancelled').length;
  const progress = checklistProgress({ done, total: counted, cancelled: checklist.length - counted });
  const row = (key: string, value: React.ReactNode) => <SummaryRow label={key}>{value}</SummaryRow>;

  return (
    <>
      <span className="nhsuk-caption-l">
        NHS number {formatNhsNumber(patient.nhsNumber)} · Born {formatDate(patient.dateOfBirth)}
      </span>
      <h1 className="nhsuk-u-margin-bottom-3">
        Discharge of {patient.givenName} {patient.familyName}
      </h1>
      <p>
        <Tag modifier={DISCHARGE_STATUS_TAG[d.status]}>{DISCHARGE_STATUS_LABELS[d.status]}</Tag>{' '}
        <Tag modifier={RISK_TAG[d.riskLevel].modifier}>{RISK_TAG[d.riskLevel].label}</Tag>
      </p>
      <DoneNotice done={taskDone} messages={TASK_DONE} />
      <WhyCanISee explanation={access.explanation} />
      {can(actor.role, 'patient.read') && (
        <p>
          <Link href={`/patients/${patient.id}`}>
            Open {patient.givenName} {patient.familyName}’s record
          </Link>
        </p>
      )}

      {d.followedUpAt && (
        <div className="nhsuk-card nhsuk-card--feature">
          <div className="nhsuk-card__content nhsuk-card__content--feature">
            <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">Followed up</h2>
            <p>
              Followed up on {formatDate(d.followedUpAt)} by {names.followedUpByName}: {d.followUpOutcome}
            </p>
          </div>
        </div>
      )}
      {d.status === 'closed' && (
        <div className="nhsuk-inset-text">
          <p>
            Closed on {formatDate(d.closedAt!)}
            {d.closedReason ? `: ${d.closedReason}` : '.'}
          </p>
        </div>
      )}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Details</h2>
          <SummaryList>
            {row(
              'Flagged by',
              <>
                {names.flaggedByName}
                {names.flaggedByOrganisationName ? `, ${names.flaggedByOrganisationName}` : ''}
                <br />
                {d.flaggerContact}
              </>,
            )}
            {row('Hospital', `${d.hospital}${d.ward ? `, ${d.ward}` : ''}`)}
            {row('Expected date', formatDate(d.expectedDate))}
            {row('Pathway', PATHWAY_LABELS[d.pathway])}
            {row('Concern', <span className="carenav-pre">{d.concern}</span>)}
            {row('The ask', <span className="carenav-pre">{d.ask}</span>)}
            {row(
              'Care package on return',
              d.careVisitsPerDay > 0
                ? `${d.careVisitsPerDay} visits a day${d.careProvider ? ` by ${d.careProvider}` : ', provider not known yet'}`
                : 'No new care package',
            )}
            {row('Carer consulted', d.carerConsulted ? 'Yes' : 'No')}
            {row('Got home', d.homeAt ? formatDateTime(d.homeAt) : 'Not yet')}
            {row('Flagged', formatDateTime(d.createdAt))}
          </SummaryList>

          {can(actor.role, 'discharge.manage') && d.status !== 'closed' && (
            <>
              <h2>Next step</h2>
              <StatusActions dischargeId={d.id} status={d.status} followUpTaskId={followUp?.id ?? null} closeReasons={CLOSE_REASONS} />
            </>
          )}
        </div>
      </div>

      <h2 id="checklist">Checklist</h2>
      {counted > 0 ? (
        <p>{progress}. Tasks wait in the team queue until someone picks them up.</p>
      ) : checklist.length > 0 ? (
        <p>
          {progress}
          {d.status === 'closed' ? ' when the discharge was closed' : ''}: nothing is left to do.
        </p>
      ) : (
        <p>This discharge has no checklist tasks.</p>
      )}
      {checklist.length > 0 && (
        <Table responsive caption="Checklist tasks">
          <TableHead>
            <TableRow>
              <TableCell>Task</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Due</TableCell>
              {canWorkTasks && <TableCell>Actions</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {checklist.map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  {canWorkTasks ? <Link href={`/tasks/${t.id}`}>{t.title}</Link> : t.title}
                  {t.outcome && <span className="nhsuk-body-s nhsuk-u-display-block carenav-pre">{t.outcome}</span>}
                </TableCell>
                <TableCell>
                  <Tag modifier={TASK_STATUS_TAG[t.status]}>{TASK_STATUS_LABELS[t.status]}</Tag>
                </TableCell>
                <TableCell>{t.assigneeName ?? `${t.teamName} (team queue)`}</TableCell>
                <TableCell>{t.dueAt ? formatDateTime(t.dueAt) : t.isFollowUp ? 'Once home' : 'No due date'}</TableCell>
                {canWorkTasks && (
                  <TableCell>
                    <TaskButtons task={t} me={actor.userId} returnTo={`/discharges/${d.id}`} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
