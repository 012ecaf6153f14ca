import Link from 'next/link';
import { SummaryList, Tag } from 'nhsuk-react-components';
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from '../../../server/tasks/task-fields';
import { load, pageCaller } from '../../lib/guard';
import { TASK_STATUS_TAG, formatDateTime } from '../../lib/format';
import { TaskForms } from './task-forms';
import { WhyCanISee } from '../../components/why-can-i-see';
import { DoneNotice } from '../../components/done-notice';
import { TASK_DONE } from '../done-messages';

export const metadata = { title: 'Task' };

const ORIGIN_WORDS = { discharge: 'Discharge checklist', manual: 'Added by hand', referral: 'Referral', mdt: 'MDT meeting' } as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function TaskPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  const { caller, actor } = await pageCaller();
  const t = await load(caller.tasks.get({ taskId: id }));
  const unfinished = t.status === 'open' || t.status === 'in_progress';
  const overdue = unfinished && t.dueAt !== null && t.dueAt < Date.now();
  const back = t.dischargeId ? `/discharges/${t.dischargeId}` : '/tasks';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">
          Task for {t.givenName} {t.familyName}
        </span>
        <h1 className="nhsuk-u-margin-bottom-3">{t.title}</h1>
        <DoneNotice done={done} messages={TASK_DONE} />
        <WhyCanISee explanation={t.access.explanation} />
        <p>
          <Tag modifier={TASK_STATUS_TAG[t.status]}>{TASK_STATUS_LABELS[t.status]}</Tag> {overdue && <Tag modifier="red">Overdue</Tag>}
        </p>
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>Person</SummaryList.Key>
            <SummaryList.Value>
              <Link href={`/patients/${t.patientId}`}>
                {t.givenName} {t.familyName}
              </Link>
            </SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Who has it</SummaryList.Key>
            <SummaryList.Value>
              {t.assigneeName ? `${t.assigneeName} (${t.teamName})` : `Waiting in the ${t.teamName} queue`}
            </SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Due</SummaryList.Key>
            <SummaryList.Value>
              {t.dueAt ? formatDateTime(t.dueAt) : t.isFollowUp ? 'Set when the person gets home' : 'No due date'}
            </SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Priority</SummaryList.Key>
            <SummaryList.Value>{TASK_PRIORITY_LABELS[t.priority]}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>From</SummaryList.Key>
            <SummaryList.Value>
              {t.dischargeId ? <Link href={`/discharges/${t.dischargeId}`}>{ORIGIN_WORDS[t.origin]}</Link> : ORIGIN_WORDS[t.origin]}
            </SummaryList.Value>
          </SummaryList.Row>
          {t.details && (
            <SummaryList.Row>
              <SummaryList.Key>Details</SummaryList.Key>
              <SummaryList.Value className="carenav-pre">{t.details}</SummaryList.Value>
            </SummaryList.Row>
          )}
          {t.outcome && (
            <SummaryList.Row>
              <SummaryList.Key>{t.status === 'cancelled' ? 'Why cancelled' : 'Outcome'}</SummaryList.Key>
              <SummaryList.Value className="carenav-pre">{t.outcome}</SummaryList.Value>
            </SummaryList.Row>
          )}
        </SummaryList>
        {unfinished && <TaskForms task={t} me={actor.userId} returnTo={back} />}
        <p>
          <Link href={back}>{t.dischargeId ? 'Back to the discharge' : 'Back to tasks'}</Link>
        </p>
      </div>
    </div>
  );
}
