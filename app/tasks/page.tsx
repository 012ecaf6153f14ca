import { RowLink } from '../components/row-link';
import { Pager } from '../components/pager';
import { Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { TASK_PAGE_SIZE, TASK_VIEWS, type TaskView } from '../../server/tasks/list-tasks';
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from '../../server/tasks/task-fields';
import { loadListPage, pageCaller } from '../lib/guard';
import { FormErrors } from '../components/form-errors';
import { TASK_STATUS_TAG, formatDateTime } from '../lib/format';
import { TaskButtons } from './task-buttons';
import { TabNav } from '../components/tab-nav';
import { DoneNotice } from '../components/done-notice';
import { TASK_DONE } from './done-messages';

export const metadata = { title: 'Tasks' };

const VIEW_LABELS: Record<TaskView, string> = { mine: 'My tasks', team: 'My team’s queue', overdue: 'Overdue', done: 'Done recently' };
const EMPTY: Record<TaskView, string> = {
  mine: 'You have no tasks. Pick one up from your team’s queue.',
  team: 'Nothing is waiting in your team’s queue.',
  overdue: 'Nothing is overdue for you or your team.',
  done: 'You have not finished any tasks in the last 14 days.',
};

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ view?: string; done?: string; after?: string }> }) {
  const params = await searchParams;
  const view = TASK_VIEWS.find((v) => v === params.view) ?? 'mine';
  const { caller, actor } = await pageCaller();
  // A cursor the list refuses is told at the page field, over the first page.
  const {
    value: { rows, nextCursor },
    after,
    pageErrors,
  } = await loadListPage((cursor) => caller.tasks.list({ view, cursor }), params.after);
  const now = Date.now();
  const firstPage = `/tasks?view=${view}`;
  const pageNote = after ? ' (a later page)' : nextCursor ? ' (first page)' : '';

  return (
    <>
      <h1>{VIEW_LABELS[view]}</h1>
      <DoneNotice done={params.done} messages={TASK_DONE} />
      <FormErrors result={pageErrors ? { ok: false, fieldErrors: pageErrors } : null} labels={{ cursor: 'Page' }} />
      <TabNav
        label="Which tasks"
        tabs={TASK_VIEWS.map((v) => ({ id: v, href: `/tasks?view=${v}`, label: VIEW_LABELS[v] }))}
        current={view}
      />
      {rows.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>{after ? 'There are no more tasks.' : EMPTY[view]}</p>
        </div>
      ) : (
        <Table responsive caption={`${rows.length} ${rows.length === 1 ? 'task' : 'tasks'}${pageNote}`}>
          <TableHead>
            <TableRow>
              <TableCell>Task</TableCell>
              <TableCell>Person</TableCell>
              <TableCell aria-sort={view === 'done' ? undefined : 'ascending'}>{view === 'done' ? 'Done' : 'Due'}</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((t) => {
              const overdue = t.dueAt !== null && t.dueAt < now && (t.status === 'open' || t.status === 'in_progress');
              return (
                <TableRow key={t.id}>
                  <TableCell>
                    <RowLink href={`/tasks/${t.id}`}>{t.title}</RowLink>
                    {view === 'overdue' && (
                      <span className="nhsuk-body-s nhsuk-u-display-block">{t.assigneeName ?? `${t.teamName} (team queue)`}</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <RowLink href={`/patients/${t.patientId}`}>
                      {t.givenName} {t.familyName}
                    </RowLink>
                  </TableCell>
                  <TableCell>
                    {view === 'done' ? (
                      formatDateTime(t.completedAt!)
                    ) : t.dueAt ? (
                      <>
                        {formatDateTime(t.dueAt)} {overdue && <Tag modifier="red">Overdue</Tag>}
                      </>
                    ) : t.isFollowUp ? (
                      'Once home'
                    ) : (
                      'No due date'
                    )}
                  </TableCell>
                  <TableCell>
                    <Tag modifier={TASK_STATUS_TAG[t.status]}>{TASK_STATUS_LABELS[t.status]}</Tag>
                    {t.priority !== 'normal' && (
                      <span className="nhsuk-body-s nhsuk-u-display-block">{TASK_PRIORITY_LABELS[t.priority]} priority</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <TaskButtons
                      task={{ id: t.id, title: t.title, status: t.status, assigneeUserId: t.assigneeUserId, isFollowUp: t.isFollowUp }}
                      me={actor.userId}
                      returnTo={firstPage}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pager
        next={nextCursor && `${firstPage}&after=${nextCursor}`}
        first={after ? firstPage : null}
        nextLabel={`Show the next ${TASK_PAGE_SIZE} tasks`}
      />
    </>
  );
}
