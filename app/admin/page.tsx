import Link from 'next/link';
import { Pager } from '../components/pager';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { KIND_LABELS } from '../../server/admin/organisation-kinds';
import { ROLE_LABELS, STAFF_ROLES } from '../../server/access/permissions';
import { USERS_PAGE_SIZE, USER_STATUSES, type ListUsersQuery } from '../../server/admin/list-users';
import { FilterField } from '../components/filter-field';
import { StaffTable } from './staff-table';
import { FormErrors } from '../components/form-errors';
import { load, loadOrFieldErrors, pageCaller } from '../lib/guard';

export const metadata = { title: 'Organisations and users' };

/** What the page confirms after a change to a user (the address says which; nothing personal in it). */
const DONE: Record<string, string> = {
  added: 'User added. They choose their own password when they first sign in.',
  role: 'Role changed.',
  deactivate: 'User deactivated. They have been signed out and cannot sign in.',
  reactivate: 'User reactivated. They can sign in again.',
};

type Query = {
  done?: string;
  q?: string;
  role?: string;
  organisationId?: string;
  status?: string;
  after?: string;
  organisationsAfter?: string;
};

/** Organisations are tens, not thousands: a short page of them, the staff list being what this page is for. */
const ORGANISATIONS_PAGE_SIZE = 10;

const STATUS_LABELS = { active: 'Active', deactivated: 'Deactivated' } as const;

export default async function AdminPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { done } = query;
  const filters = {
    q: query.q ?? '',
    role: query.role ?? '',
    organisationId: query.organisationId ?? '',
    status: query.status ?? '',
  };
  const { caller } = await pageCaller();
  const [organisations, listed] = await Promise.all([
    load(caller.admin.organisations()),
    // The address's words as typed: the procedure's schema checks them and names any it refuses.
    loadOrFieldErrors(caller.admin.users({ ...filters, cursor: query.after } as ListUsersQuery)),
  ]);
  const { rows: users, nextCursor, total } = listed.value ?? { rows: [], nextCursor: null, total: 0 };
  const errors = listed.fieldErrors ?? {};
  const fieldError = (f: string) => errors[f]?.[0];
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const filtered = Object.values(filters).some((v) => v !== '');
  const href = (next: { after?: string }) => {
    const params = new URLSearchParams(Object.entries({ ...filters, ...next }).filter(([, v]) => v));
    return params.size ? `/admin?${params.toString()}#users` : '/admin#users';
  };
  // Every organisation is loaded anyway (the filter above lists them): a page of them after the cursor's.
  const orgAfter = query.organisationsAfter ? organisations.findIndex((o) => o.id === query.organisationsAfter) + 1 : 0;
  const orgStart = orgAfter < organisations.length ? orgAfter : 0;
  const orgPage = organisations.slice(orgStart, orgStart + ORGANISATIONS_PAGE_SIZE);
  const orgNext = orgStart + ORGANISATIONS_PAGE_SIZE < organisations.length ? orgPage.at(-1)!.id : null;
  const orgHref = (organisationsAfter?: string) => {
    const params = new URLSearchParams(
      Object.entries({ ...filters, after: query.after ?? '', organisationsAfter: organisationsAfter ?? '' }).filter(([, v]) => v),
    );
    return params.size ? `/admin?${params.toString()}#organisations` : '/admin#organisations';
  };
  return (
    <>
      <h1>Organisations and users</h1>
      {done && DONE[done] && (
        <div className="nhsuk-inset-text" role="status">
          <p>{DONE[done]}</p>
        </div>
      )}
      <p>Administrators manage who can use carenav. You do not have access to people’s records.</p>
      <h2>Discharge checklist</h2>
      <p>The tasks every risky discharge starts with, and how soon after getting home the follow-up contact is due.</p>
      <p>
        <Link href="/admin/checklist">Change the discharge checklist</Link>
      </p>

      <h2 id="users">Users</h2>
      <p>
        <Link href="/admin/users/new">Add a user</Link>
      </p>
      <p>
        <Link href="/admin/users/clinical-review">Clinical accounts to review</Link>: accounts given a clinical role in the last 30 days,
        for another administrator to check.
      </p>
      <p>
        <Link href="/admin/carers">Deactivate or reactivate a carer’s account</Link>
      </p>
      <FormErrors result={listed.fieldErrors ? { ok: false, fieldErrors: listed.fieldErrors } : null} />
      <form method="get" action="/admin#users" className="carenav-filters" aria-label="Find staff accounts">
        <FilterField id="q" label="Name or email" error={fieldError('q')}>
          <input
            className="nhsuk-input"
            type="search"
            id="q"
            name="q"
            defaultValue={filters.q}
            aria-describedby={fieldError('q') ? 'q-error' : undefined}
          />
        </FilterField>
        <FilterField id="role" label="Role" error={fieldError('role')}>
          <select className="nhsuk-select" id="role" name="role" defaultValue={filters.role}>
            <option value="">Any role</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="organisationId" label="Organisation" error={fieldError('organisationId')}>
          <select className="nhsuk-select" id="organisationId" name="organisationId" defaultValue={filters.organisationId}>
            <option value="">Any organisation</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="status" label="Status" error={fieldError('status')}>
          <select className="nhsuk-select" id="status" name="status" defaultValue={filters.status}>
            <option value="">Active or deactivated</option>
            {USER_STATUSES.map((st) => (
              <option key={st} value={st}>
                {STATUS_LABELS[st]}
              </option>
            ))}
          </select>
        </FilterField>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Find
        </button>
      </form>
      {filtered && (
        <p>
          <Link href="/admin#users">Clear the search and show every staff account</Link>
        </p>
      )}
      {users.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>{filtered ? 'No staff account matches this search.' : 'There are no staff accounts yet.'}</p>
        </div>
      ) : (
        <StaffTable
          caption={usersCaption(total, users.length, Boolean(query.after), Boolean(nextCursor))}
          rows={users.map((u) => ({
            id: u.id,
            name: u.name,
            email: u.email,
            role: ROLE_LABELS[u.role],
            organisation: u.organisationName ?? 'None',
            active: u.active,
          }))}
        />
      )}
      <Pager
        next={nextCursor && href({ after: nextCursor })}
        first={query.after ? href({}) : null}
        nextLabel={`Show the next ${USERS_PAGE_SIZE} staff accounts`}
      />

      <h2 id="organisations">Organisations</h2>
      <p>
        <Link href="/admin/organisations/new">Add an organisation</Link>
      </p>
      <Table
        caption={`${organisations.length} organisations${
          orgStart > 0 || orgNext ? `: ${orgStart + 1} to ${orgStart + orgPage.length} shown, by name` : ''
        }`}
        responsive
      >
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Phone</TableCell>
            <TableCell>Navigator team</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {orgPage.map((o) => (
            <TableRow key={o.id}>
              <TableCell>{o.name}</TableCell>
              <TableCell>{KIND_LABELS[o.kind]}</TableCell>
              <TableCell>{o.phone ?? 'Not given'}</TableCell>
              <TableCell>{o.navigatorTeamId ? orgName.get(o.navigatorTeamId) : o.kind === 'gp_practice' ? 'Not linked' : '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {orgNext && (
        <p>
          <Link href={orgHref(orgNext)}>Show the next {ORGANISATIONS_PAGE_SIZE} organisations</Link>
        </p>
      )}
      {orgStart > 0 && (
        <p>
          <Link href={orgHref()}>Back to the first organisations</Link>
        </p>
      )}
    </>
  );
}

/** "1,024 staff accounts: 1 to 25 shown" style, in words a screen reader reads as the table's name. */
function usersCaption(total: number, shown: number, later: boolean, more: boolean): string {
  const all = `${total.toLocaleString('en-GB')} staff ${total === 1 ? 'account' : 'accounts'}`;
  if (!later && !more) return all;
  return `${all}: ${shown} shown${later ? ' (a later page)' : ' (first page)'}`;
}
