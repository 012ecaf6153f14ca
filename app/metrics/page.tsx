import Link from 'next/link';
import { MeasureTable } from './measure-table';
import { load, loadOrFieldErrors, pageCaller } from '../lib/guard';
import { defaultPeriod, type Scope } from '../../server/metrics/measure-input';
import { LazyMeasureChart } from './lazy-measure-chart';
import { FilterField } from '../components/filter-field';
import { FormErrors } from '../components/form-errors';
import { formatMoment } from '../../server/calendar/england-time';
import { MEASURE_IDS, type MeasureId } from '../../server/metrics/definitions';
import type { Measure } from '../../server/metrics/compute-measures';
import { chartPreview, tablePage, tablePreview, TABLE_PAGE_ROWS, type Preview } from '../../server/metrics/table-preview';

export const metadata = { title: 'Measures of joined-up care' };

const scopeFor = (isAdmin: boolean, asked?: string): Scope => (isAdmin ? 'organisation' : asked === 'mine' ? 'mine' : 'team');

type Query = { from?: string; to?: string; scope?: string; organisationId?: string; measure?: string; table?: string; row?: string };

/** The address of one measure's table (or its chart's numbers) shown whole, from row `row`. */
type MeasureHref = (id: MeasureId, table: 'rows' | 'chart', row?: number) => string;

export default async function MetricsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { caller, actor } = await pageCaller();
  const isAdmin = actor.role === 'admin';
  const period = defaultPeriod();
  const input = {
    from: query.from || period.from,
    to: query.to || period.to,
    scope: scopeFor(isAdmin, query.scope),
    organisationId: isAdmin ? (query.organisationId ?? '') : '',
  };
  const teams = isAdmin ? (await load(caller.admin.organisations())).filter((o) => o.kind === 'navigator_team') : [];
  // One measure's table shown whole (the "See the whole table" links), or every measure.
  const only = MEASURE_IDS.find((id) => id === query.measure);
  const wholeTable = query.table === 'chart' ? 'chart' : 'rows';
  const computed = await loadOrFieldErrors(caller.metrics.compute(only ? { ...input, measures: [only] } : input));
  const measures = computed.value ?? [];
  const errors = computed.fieldErrors ?? {};
  const qs = new URLSearchParams(Object.entries(input).filter(([, v]) => v !== '')).toString();
  const fieldError = (f: string) => errors[f]?.[0];
  const one = only ? measures.find((m) => m.id === only) : undefined;
  const measureHref: MeasureHref = (id, table, row = 0) =>
    `/metrics?${new URLSearchParams([...new URLSearchParams(qs), ['measure', id], ...(table === 'chart' ? [['table', 'chart']] : []), ...(row ? [['row', String(row)]] : [])]).toString()}#measure-${id}`;

  return (
    <>
      <h1>Measures of joined-up care</h1>
      <p>
        Each measure is computed from what carenav records as work happens, with its definition beside it (also in{' '}
        <code>docs/measures.md</code>), so anyone can reproduce it. Counts only: no person is named.
      </p>
      <FormErrors result={computed.fieldErrors ? { ok: false, fieldErrors: computed.fieldErrors } : null} />
      <form method="get" action="/metrics" className="carenav-filters">
        {(['from', 'to'] as const).map((f) => (
          <FilterField key={f} id={f} label={f === 'from' ? 'From' : 'To'} error={fieldError(f)}>
            <input
              className="nhsuk-input"
              type="date"
              id={f}
              name={f}
              defaultValue={input[f]}
              aria-describedby={fieldError(f) ? `${f}-error` : undefined}
            />
          </FilterField>
        ))}
        {isAdmin ? (
          <FilterField id="organisationId" label="Organisation">
            <select className="nhsuk-select" id="organisationId" name="organisationId" defaultValue={input.organisationId}>
              <option value="">All organisations</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </FilterField>
        ) : (
          <FilterField id="scope" label="People">
            <select className="nhsuk-select" id="scope" name="scope" defaultValue={input.scope}>
              <option value="team">My team’s</option>
              <option value="mine">Mine (I am named contact)</option>
            </select>
          </FilterField>
        )}
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </form>
      {measures.length > 0 && (
        <p data-testid="figures-as-of">
          Figures as of {formatMoment(Math.min(...measures.map((m) => m.computedAt)))}. Measures are kept so this page opens at once, and
          brought up to date {input.scope === 'organisation' && !input.organisationId ? 'every day for all organisations' : 'every hour'}.
        </p>
      )}
      {measures.length > 0 && (
        <p>
          <a href={`/metrics/export?${qs}`} download>
            Download every measure as CSV
          </a>
        </p>
      )}
      {one ? (
        <>
          <p>
            <Link href={`/metrics?${qs}#measure-${one.id}`}>Back to every measure</Link>
          </p>
          <MeasureSection m={one} whole={{ table: wholeTable, start: Number(query.row ?? 0), href: measureHref }} />
        </>
      ) : (
        measures.map((m) => <MeasureSection key={m.id} m={m} href={measureHref} />)
      )}
    </>
  );
}

/** Table captions in words: "102 rows", "the 5 lowest of 34 rows", "rows 26 to 50 of 102". */
const rowsWord = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

type Whole = { table: 'rows' | 'chart'; start: number; href: MeasureHref };

/**
 * One measure: headline, definition, chart and table. Among the others (`whole` unset) a long table
 * shows the rows a reader needs first, with a link to the whole of it; on its own view, the table
 * asked for is shown whole, a page of rows at a time.
 */
function MeasureSection({ m, whole, href }: { m: Measure; whole?: Whole; href?: MeasureHref }) {
  const link = whole?.href ?? href!;
  const chart = m.chart && m.chart.points.length > 0 ? m.chart : undefined;
  const showChart = chart && (!whole || whole.table === 'chart');
  const showRows = m.rows.length > 0 && (!whole || whole.table === 'rows');
  const chartPoints: Preview<{ label: string; value: number }> | null = chart
    ? whole
      ? { rows: chart.points, which: null }
      : chartPreview(chart)
    : null;
  const chartPage = chart && whole ? tablePage(chart.points, whole.start) : null;
  const rowsPage = whole ? tablePage(m.rows, whole.start) : null;
  const preview = whole ? null : tablePreview(m);
  return (
    <section aria-labelledby={`measure-${m.id}`} className="nhsuk-u-margin-bottom-7">
      <h2 id={`measure-${m.id}`}>{m.title}</h2>
      <p className="nhsuk-body-l" data-testid={`headline-${m.id}`}>
        {m.headline}
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How this is measured</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{m.definition}</p>
        </div>
      </details>
      {showChart && chartPoints && (
        <figure className="nhsuk-u-margin-left-0 nhsuk-u-margin-right-0">
          <figcaption className="nhsuk-body-s">
            {chart.label} (chart{chartPoints.which ? `, ${chartPoints.which} of ${chart.points.length}` : ''}; the numbers are in the table
            that follows)
          </figcaption>
          <LazyMeasureChart chart={{ ...chart, points: chartPoints.rows }} />
          <MeasureTable
            caption={`${chart.label}: the chart’s numbers${
              chartPage
                ? pageWords(chartPage, chart.points.length)
                : chartPoints.which
                  ? ` (${chartPoints.which} of ${rowsWord(chart.points.length)})`
                  : ''
            }`}
            columns={[chart.kind === 'line' ? 'Week starting' : 'Service', chart.unit === '%' ? 'Share (%)' : 'Hours']}
            rows={(chartPage?.rows ?? chartPoints.rows).map((p) => [p.label, p.value])}
          />
          {chartPoints.which && (
            <p>
              <Link href={link(m.id, 'chart')}>
                See every one of the chart’s numbers ({rowsWord(chart.points.length)})
                <span className="nhsuk-u-visually-hidden">: {chart.label}</span>
              </Link>
            </p>
          )}
          {chartPage && <PageLinks page={chartPage} href={(row) => link(m.id, 'chart', row)} />}
        </figure>
      )}
      {showRows && (
        <>
          <MeasureTable
            caption={`${m.title}: table${
              rowsPage ? pageWords(rowsPage, m.rows.length) : preview?.which ? ` (${preview.which}, of ${rowsWord(m.rows.length)})` : ''
            }`}
            columns={m.columns}
            rows={rowsPage?.rows ?? preview?.rows ?? m.rows}
          />
          {preview?.which && (
            <p>
              <Link href={link(m.id, 'rows')}>
                See the whole table ({rowsWord(m.rows.length)})<span className="nhsuk-u-visually-hidden">: {m.title}</span>
              </Link>
            </p>
          )}
          {rowsPage && <PageLinks page={rowsPage} href={(row) => link(m.id, 'rows', row)} />}
        </>
      )}
      {whole && whole.table === 'chart' && m.rows.length > 0 && (
        <p>
          <Link href={link(m.id, 'rows')}>See the measure’s table ({rowsWord(m.rows.length)})</Link>
        </p>
      )}
      {whole && whole.table === 'rows' && chart && (
        <p>
          <Link href={link(m.id, 'chart')}>See the chart and its numbers ({rowsWord(chart.points.length)})</Link>
        </p>
      )}
    </section>
  );
}

/** " (rows 26 to 50 of 102)" for a table shown whole, a page at a time; nothing when it fits one page. */
function pageWords(page: { rows: unknown[]; start: number; next: number | null }, total: number): string {
  if (page.start === 0 && page.next === null) return ` (${rowsWord(total)})`;
  return ` (rows ${page.start + 1} to ${page.start + page.rows.length} of ${total.toLocaleString('en-GB')})`;
}

function PageLinks({ page, href }: { page: { start: number; next: number | null }; href: (row: number) => string }) {
  return (
    <>
      {page.next !== null && (
        <p>
          <Link href={href(page.next)}>Show the next {TABLE_PAGE_ROWS} rows</Link>
        </p>
      )}
      {page.start > 0 && (
        <p>
          <Link href={href(0)}>Back to the first rows</Link>
        </p>
      )}
    </>
  );
}
