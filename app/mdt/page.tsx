import Link from 'next/link';
import { Pager } from '../components/pager';
import { MDT_PAGE_SIZE, MDT_REASONS, MDT_REASON_KEYS, MDT_SECTORS } from '../../server/mdt/mdt-worklist';
import { DoneNotice } from '../components/done-notice';
import { FilterSelect } from '../components/filter-field';
import { load, loadOrFieldErrors, pageCaller } from '../lib/guard';
import { FormErrors } from '../components/form-errors';
import { SECTOR_LABELS, formatDate } from '../lib/format';
import { ChooseForm } from './choose-form';
import { WorklistTable } from './worklist-table';

export const metadata = { title: 'MDT worklist' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ['reason', 'namedContactUserId', 'sector'] as const;
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);

export default async function MdtPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = Object.fromEntries(FILTERS.map((f) => [f, one(params[f])])) as Partial<Record<(typeof FILTERS)[number], string>>;
  const meetingId = one(params.meeting);
  const after = one(params.after);
  const { caller } = await pageCaller();
  // The filters are a form: a value not on offer (an edited address) is told at its field, and the
  // whole list shown instead.
  // Asked together, so their audit rows share one commit.
  const [asked, meetings] = await Promise.all([
    loadOrFieldErrors(caller.mdt.worklist({ ...filters, meetingId, after } as Parameters<typeof caller.mdt.worklist>[0])),
    meetingId ? [] : load(caller.mdt.meetings()),
  ]);
  const errors = asked.fieldErrors ?? {};
  const worklist = asked.value ?? (await load(caller.mdt.worklist({ meetingId })));
  const { rows, nextCursor, meeting, namedContacts } = worklist;
  const contactName = new Map(namedContacts.map((c) => [c.id, c.name]));
  const tableRows = rows.map((r) => ({
    ...r,
    namedContactName: r.namedContactUserId ? (contactName.get(r.namedContactUserId) ?? null) : null,
    lastContact: r.lastContactAt ? formatDate(r.lastContactAt) : 'None recorded',
  }));
  const href = (next: Record<string, string | undefined>) => {
    const query = new URLSearchParams(
      Object.entries({ ...filters, meeting: meetingId, ...next }).filter((e): e is [string, string] => e[1] !== undefined),
    ).toString();
    return query ? `/mdt?${query}` : '/mdt';
  };
  const filtered = FILTERS.some((f) => filters[f]);
  const caption = `People to discuss${filtered ? ' (filtered)' : ''}, most reasons and highest risk first: ${after ? 'a later page' : nextCursor ? `the first ${MDT_PAGE_SIZE}` : 'everyone'}`;
  return (
    <>
      <h1>{meeting ? `Choose who to discuss on ${formatDate(meeting.heldOn)}` : 'MDT worklist'}</h1>
      <DoneNotice done={params.done} messages={{ started: 'Meeting started. Tick the people to discuss, then add them to the meeting.' }} />
      <p>
        People on your team’s caseload to discuss at the weekly multidisciplinary team meeting, most reasons first: high risk, overdue
        tasks, a referral declined or past its response time, home from hospital in the last 7 days, or no contact in 30 days. Then highest
        risk, then longest without contact.
      </p>
      {meeting ? (
        <p>
          <Link href={`/mdt/${meeting.id}`}>Back to the meeting of {formatDate(meeting.heldOn)}</Link>
        </p>
      ) : (
        <p>
          <Link href="/mdt/new" className="nhsuk-button">
            Record a meeting
          </Link>
        </p>
      )}

      <FormErrors
        result={asked.fieldErrors ? { ok: false, fieldErrors: asked.fieldErrors } : null}
        labels={{ reason: 'Reason', namedContactUserId: 'Named contact', sector: 'Care team includes', after: 'Page' }}
      />
      {/* Keyed by the filters, so following a link (e.g. clearing them) shows the choices the list was made with. */}
      <form key={JSON.stringify(filters)} method="get" action="/mdt" className="carenav-filters" aria-label="Filter the worklist">
        {meetingId && <input type="hidden" name="meeting" value={meetingId} />}
        <FilterSelect
          id="reason"
          label="Reason"
          error={errors.reason?.[0]}
          value={filters.reason}
          any="Any reason"
          options={MDT_REASON_KEYS.map((r) => ({ value: r, label: MDT_REASONS[r] }))}
        />
        <FilterSelect
          id="namedContactUserId"
          label="Named contact"
          error={errors.namedContactUserId?.[0]}
          value={filters.namedContactUserId}
          any="Anyone on the team"
          options={namedContacts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <FilterSelect
          id="sector"
          label="Care team includes"
          error={errors.sector?.[0]}
          value={filters.sector}
          any="Any sector"
          options={MDT_SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))}
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
        {filtered && (
          <p>
            <Link href={href({ reason: undefined, namedContactUserId: undefined, sector: undefined })}>Clear the filters</Link>
          </p>
        )}
      </form>

      {rows.length === 0 ? (
        <p>
          {after
            ? 'Nobody further down the list.'
            : filtered
              ? 'Nobody on the worklist matches these filters.'
              : 'Nobody needs discussing at the moment.'}
        </p>
      ) : meeting ? (
        <ChooseForm meetingId={meeting.id} heldOn={formatDate(meeting.heldOn)} rows={tableRows} caption={caption} />
      ) : (
        <WorklistTable rows={tableRows} caption={caption} />
      )}
      <nav className="carenav-pager" aria-label="Worklist pages">
        <Pager
          next={nextCursor && href({ after: nextCursor })}
          first={after ? href({}) : null}
          nextLabel={`Show the next ${MDT_PAGE_SIZE} people`}
          firstLabel="Back to the top of the list"
        />
      </nav>

      {!meetingId && (
        <>
          <h2>Recent meetings</h2>
          {meetings.length === 0 ? (
            <p>No meetings recorded yet.</p>
          ) : (
            <ul className="nhsuk-list">
              {meetings.map((m) => (
                <li key={m.id}>
                  <Link href={`/mdt/${m.id}`}>Meeting of {formatDate(m.heldOn)}</Link> ({m.attendeeCount} attended)
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
