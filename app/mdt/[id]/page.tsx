import Link from 'next/link';
import { Tag } from 'nhsuk-react-components';
import { MAX_MDT_ACTIONS } from '../../../server/mdt/record-discussion';
import { TASK_STATUS_LABELS } from '../../../server/tasks/task-fields';
import { load, pageCaller } from '../../lib/guard';
import { TASK_STATUS_TAG, formatDate } from '../../lib/format';
import { DiscussionForm } from './discussion-form';
import { ReasonTags } from '../reason-tags';
import { ActionButton } from '../../components/action-button';
import { DoneNotice } from '../../components/done-notice';
import { unchoosePersonAction } from '../actions';

export const metadata = { title: 'MDT meeting' };

export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const { caller } = await pageCaller();
  const meeting = await load(caller.mdt.meeting({ meetingId: id }));
  const { toDiscuss } = meeting;
  const owners = await Promise.all(toDiscuss.map((p) => load(caller.tasks.assignees({ patientId: p.id }))));
  const choose = `/mdt?meeting=${meeting.id}`;
  return (
    <>
      <span className="nhsuk-caption-l">MDT meeting</span>
      <h1>Meeting of {formatDate(meeting.heldOn)}</h1>
      <p>Attended by: {meeting.attendees.join(', ')}</p>
      <DoneNotice
        done={done}
        messages={{
          chosen: 'The people ticked are on this meeting’s list to discuss.',
          unchosen: 'Taken off this meeting’s list. They stay on the worklist.',
        }}
      />
      <p>
        <Link href="/mdt">Back to the MDT worklist</Link>
      </p>

      <h2>Discussed ({meeting.discussions.length})</h2>
      {meeting.discussions.length === 0 && <p>Nobody discussed yet.</p>}
      {meeting.discussions.map((d) => (
        <section key={d.id} className="nhsuk-card" aria-labelledby={`discussed-${d.id}`}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading" id={`discussed-${d.id}`}>
              <Link href={`/patients/${d.patientId}`}>{d.name}</Link>
            </h3>
            <p className="carenav-pre">{d.note}</p>
            {d.actions.length > 0 && (
              <ul className="nhsuk-list">
                {d.actions.map((a) => (
                  <li key={a.id}>
                    <Link href={`/tasks/${a.id}`}>{a.title}</Link>: {a.assigneeName ?? 'team queue'}
                    {a.dueAt ? `, due ${formatDate(a.dueAt)}` : ''}{' '}
                    <Tag modifier={TASK_STATUS_TAG[a.status]}>{TASK_STATUS_LABELS[a.status]}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      ))}

      <h2>Still to discuss ({toDiscuss.length})</h2>
      {toDiscuss.length === 0 && (
        <p>
          {meeting.discussions.length === 0
            ? 'Nobody chosen for this meeting yet.'
            : 'Everyone chosen for this meeting has been discussed.'}
        </p>
      )}
      <p>
        <Link href={choose} className="nhsuk-button nhsuk-button--secondary">
          Choose people to discuss from the worklist
        </Link>
      </p>
      {toDiscuss.map((p, i) => (
        <section key={p.id} aria-labelledby={`person-${p.id}`} className="nhsuk-u-margin-bottom-7">
          <h3 id={`person-${p.id}`}>{p.name}</h3>
          {p.reasons.length > 0 ? <ReasonTags name={p.name} reasons={p.reasons} /> : <p>No reason to be on the worklist now.</p>}
          <ActionButton
            action={unchoosePersonAction}
            fields={{ meetingId: meeting.id, patientId: p.id }}
            label="Take off this meeting’s list"
            context={p.name}
          />
          <DiscussionForm
            meetingId={meeting.id}
            patientId={p.id}
            name={p.name}
            owners={owners[i]!.filter((o) => o.userId).map((o) => ({ value: o.value, label: o.label }))}
            maxActions={MAX_MDT_ACTIONS}
          />
        </section>
      ))}
    </>
  );
}
