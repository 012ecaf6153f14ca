import Link from 'next/link';
import { RowLink } from '../components/row-link';
import { Pager } from '../components/pager';
import { FilterField } from '../components/filter-field';
import { Button, Tag } from 'nhsuk-react-components';
import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { can } from '../../server/access/permissions';
import { checklistProgress, DISCHARGE_STATUSES, DISCHARGE_STATUS_LABELS, PATHWAY_LABELS } from '../../server/discharges/discharge-fields';
import { DISCHARGES_PAGE_SIZE, ListDischargesSchema } from '../../server/discharges/list-discharges';
import { zodFieldErrors } from '../../server/trpc/init';
import { FormErrors } from '../components/form-errors';
import { loadListPage, pageCaller } from '../lib/guard';
import { DISCHARGE_STATUS_TAG, RISK_TAG, formatDate } from '../lib/format';

export const metadata = { title: 'Discharges' };

type SearchParams = Promise<{ status?: string; risk?: string; from?: string; to?: string; after?: string }>;

export default async function DischargesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { caller, actor } = await pageCaller();
  const filters = { status: params.status ?? 'active', risk: params.risk ?? '', from: params.from ?? '', to: params.to ?? '' };
  // The filters are parsed by the procedure's own schema, so it gets typed input; filters it refuses
  // are shown at their fields instead of a list. (The cursor is passed on as written: the procedure
  // decodes it.)
  const parsed = ListDischargesSchema.safeParse(filters);
  const fieldErrors = parsed.success ? null : zodFieldErrors(parsed.error);
  // A cursor the list refuses is told at the page field, over the first page.
  const {
    value: { items, nextCursor },
    after,
    pageErrors,
  } = parsed.success
    ? await loadListPage((cursor) => caller.discharges.list({ ...parsed.data, cursor }), params.after)
    : { value: { items: [], nextCursor: null }, after: undefined, pageErrors: null };
  const worksCaseload = actor.role === 'navigator';
  const nextHref = nextCursor ? `/discharges?${new URLSearchParams({ ...filters, after: nextCursor }).toString()}` : null;

  return (
    <>
      <h1>Discharges</h1>
      <p>
        {worksCaseload
          ? 'Risky discharges for people on your team’s caseload, soonest first.'
          : 'The risky discharges you flagged, soonest first. You will see here when each one has been followed up.'}
      </p>
      {can(actor.role, 'discharge.flag') && (
        <p>
          <Link href="/discharges/new" className="nhsuk-button nhsuk-button--secondary">
            Flag a risky discharge
          </Link>
        </p>
      )}
      <FormErrors
        result={fieldErrors || pageErrors ? { ok: false, fieldErrors: fieldErrors ?? pageErrors ?? {} } : null}
        labels={{ cursor: 'Page' }}
      />
      <form method="get" action="/discharges" className="carenav-filters" aria-label="Filter discharges">
        <FilterField id="status" label="Status" error={fieldErrors?.status?.[0]}>
          <select className="nhsuk-select" id="status" name="status" defaultValue={filters.status}>
            <option value="active">Still being worked (flagged, planned, home)</option>
            <option value="all">All</option>
            {DISCHARGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DISCHARGE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="risk" label="Risk" error={fieldErrors?.risk?.[0]}>
          <select className="nhsuk-select" id="risk" name="risk" defaultValue={filters.risk}>
            <option value="">Any risk</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </FilterField>
        <FilterField id="from" label="Expected from" error={fieldErrors?.from?.[0]}>
          <input className="nhsuk-input nhsuk-input--width-10" type="date" id="from" name="from" defaultValue={filters.from} />
        </FilterField>
        <FilterField id="to" label="Expected to" error={fieldErrors?.to?.[0]}>
          <input className="nhsuk-input nhsuk-input--width-10" type="date" id="to" name="to" defaultValue={filters.to} />
        </FilterField>
        <Button type="submit" secondary>
          Apply filters
        </Button>
      </form>

      {fieldErrors ? null : items.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>
            {after ? 'There are no more discharges.' : 'No discharges match these filters.'}
            {worksCaseload || after ? '' : ' Discharges you flag appear here.'}
          </p>
        </div>
      ) : (
        <Table
          responsive
          caption={`${items.length} ${items.length === 1 ? 'discharge' : 'discharges'}${after ? ' (a later page)' : nextCursor ? ' (first page)' : ''}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>Person</TableCell>
              <TableCell aria-sort="ascending">Expected</TableCell>
              <TableCell>Hospital and pathway</TableCell>
              <TableCell>Risk</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Checklist</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <RowLink href={`/discharges/${d.id}`}>
                    {d.givenName} {d.familyName}
                  </RowLink>
                  {worksCaseload && (
                    <span className="nhsuk-body-s nhsuk-u-display-block">
                      Flagged by {d.flaggedByName}
                      {d.flaggedByOrganisationName ? `, ${d.flaggedByOrganisationName}` : ''}
                    </span>
                  )}
                </TableCell>
                <TableCell>{formatDate(d.expectedDate)}</TableCell>
                <TableCell>
                  {d.hospital}
                  {d.ward ? `, ${d.ward}` : ''}
                  <span className="nhsuk-body-s nhsuk-u-display-block">Pathway {d.pathway}</span>
                </TableCell>
                <TableCell>
                  <Tag modifier={RISK_TAG[d.riskLevel].modifier}>{RISK_TAG[d.riskLevel].label}</Tag>
                </TableCell>
                <TableCell>
                  <Tag modifier={DISCHARGE_STATUS_TAG[d.status]}>{DISCHARGE_STATUS_LABELS[d.status]}</Tag>
                  {d.status === 'followed_up' || (d.status === 'closed' && d.followedUpAt) ? (
                    <p className="nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                      Followed up on {formatDate(d.followedUpAt!)} by {d.followedUpByName}: {d.followUpOutcome}
                    </p>
                  ) : null}
                  {d.status === 'closed' && d.closedReason && (
                    <p className="nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">{d.closedReason}</p>
                  )}
                </TableCell>
                <TableCell>{checklistProgress({ done: d.tasksDone, total: d.tasksTotal, cancelled: d.tasksCancelled })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <p className="nhsuk-body-s">Pathways: {Object.values(PATHWAY_LABELS).join('; ')}.</p>
      <Pager
        next={nextHref}
        first={after ? `/discharges?${new URLSearchParams(filters).toString()}` : null}
        nextLabel={`Show the next ${DISCHARGES_PAGE_SIZE} discharges`}
      />
    </>
  );
}
