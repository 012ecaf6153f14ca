import Link from 'next/link';
import { Pager } from '../../components/pager';
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../../../server/directory/service-fields';
import { load, loadOrFieldErrors, pageCaller } from '../../lib/guard';
import { FilterField } from '../../components/filter-field';
import { FormErrors } from '../../components/form-errors';
import { SERVICES_PAGE_SIZE, type ManageServicesQuery } from '../../../server/directory/search-services';
import { ImportForm } from './import-form';
import { ServicesTable } from './services-table';
import { ServiceForm } from './service-form';
import { OutcomeReasons } from './outcome-reasons';

export const metadata = { title: 'Service directory' };

type Query = { query?: string; category?: string; after?: string };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const params = await searchParams;
  const search = { query: params.query ?? '', category: params.category ?? '' };
  const { caller } = await pageCaller();
  const [listed, organisations, reasons] = await Promise.all([
    // The address's words as typed: the procedure's schema checks them and names any it refuses.
    loadOrFieldErrors(caller.directory.manage({ ...search, cursor: params.after } as ManageServicesQuery)),
    load(caller.admin.organisations()),
    load(caller.referrals.outcomeReasons()),
  ]);
  const { items: services, nextCursor, total } = listed.value ?? { items: [], nextCursor: null, total: 0 };
  const errors = listed.fieldErrors ?? {};
  const fieldError = (f: string) => errors[f]?.[0];
  const searched = Boolean(search.query || search.category);
  const href = (next: { after?: string }) => {
    const query = new URLSearchParams(Object.entries({ ...search, ...next }).filter(([, v]) => v));
    return query.size ? `/admin/services?${query.toString()}` : '/admin/services';
  };
  const caption = `${total.toLocaleString('en-GB')} ${total === 1 ? 'service' : 'services'}${
    params.after ? `: ${services.length} shown (a later page)` : nextCursor ? `: ${services.length} shown (first page)` : ''
  }`;
  return (
    <>
      <span className="nhsuk-caption-l">Administration</span>
      <h1>Service directory</h1>
      <p>
        The local services staff can refer people to. A service linked to a carenav organisation receives referrals in that team’s inbox.
      </p>
      {/* The summary links to each field by its id: the category filter's is its own (below). */}
      <FormErrors
        result={
          listed.fieldErrors
            ? {
                ok: false,
                fieldErrors: Object.fromEntries(
                  Object.entries(listed.fieldErrors).map(([field, messages]) => [
                    field === 'category' ? 'filter-category' : field,
                    messages,
                  ]),
                ),
              }
            : null
        }
      />
      <form method="get" action="/admin/services" className="carenav-filters" aria-label="Find services">
        <FilterField id="query" label="Name, provider or area" error={fieldError('query')}>
          <input
            className="nhsuk-input"
            type="search"
            id="query"
            name="query"
            defaultValue={search.query}
            aria-describedby={fieldError('query') ? 'query-error' : undefined}
          />
        </FilterField>
        {/* "category" is also the add-a-service form's field on this page: the filter's id is its own. */}
        <FilterField id="filter-category" label="Category" error={fieldError('category')}>
          <select
            className="nhsuk-select"
            id="filter-category"
            name="category"
            defaultValue={search.category}
            aria-describedby={fieldError('category') ? 'filter-category-error' : undefined}
          >
            <option value="">Any category</option>
            {SERVICE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </FilterField>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Find
        </button>
      </form>
      {searched && (
        <p>
          <Link href="/admin/services">Clear the search and show every service</Link>
        </p>
      )}
      {services.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>
            {searched
              ? 'No service matches this search.'
              : 'The directory is empty. Import an Open Referral UK file or add a service below.'}
          </p>
        </div>
      ) : (
        <ServicesTable
          caption={caption}
          rows={services.map((s) => ({
            id: s.id,
            name: s.name,
            provider: s.providerName,
            category: CATEGORY_LABELS[s.category],
            receivesIn: s.organisationName ?? 'Not on carenav',
            active: s.active,
          }))}
        />
      )}
      <Pager
        next={nextCursor && href({ after: nextCursor })}
        first={params.after ? href({}) : null}
        nextLabel={`Show the next ${SERVICES_PAGE_SIZE} services`}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Import from Open Referral UK</h2>
          <ImportForm />
          <h2>Reasons a referral did not succeed</h2>
          <p>Offered to the receiving team when they complete a referral as not successful.</p>
          <OutcomeReasons reasons={reasons} />
          <h2>Add a service</h2>
          <ServiceForm
            initial={{ targetUrgentHours: '4', targetSoonWorkingDays: '2', targetRoutineWorkingDays: '10', active: 'true' }}
            categories={SERVICE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </div>
      </div>
    </>
  );
}
