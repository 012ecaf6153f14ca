import { Table, TableBody, TableCell, TableHead, TableRow } from '../components/table';
import { load, loadOrFieldErrors, pageCaller } from '../lib/guard';
import { defaultPeriod, type Scope } from '../../server/metrics/measure-input';
import { LazyMeasureChart } from './lazy-measure-chart';
import { FilterField } from '../components/filter-field';
import { FormErrors } from '../components/form-errors';
import { formatMoment } from '../../server/calendar/england-time';

export const metadata = { title: 'Measures of joined-up care' };

const scopeFor = (isAdmin: boolean, asked?: string): Scope => (isAdmin ? 'organisation' : asked === 'mine' ? 'mine' : 'team');

type Query = { from?: string; to?: string; scope?: string; organisationId?: string };

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
  const computed = await loadOrFieldErrors(caller.metrics.compute(input));
  const measures = computed.value ?? [];
  const errors = computed.fieldErrors ?? {};
  const qs = new URLSearchParams(Object.entries(input).filter(([, v]) => v !== '')).toString();
  const fieldError = (f: string) => errors[f]?.[0];

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
      {measures.map((m) => (
        <section key={m.id} aria-labelledby={`measure-${m.id}`} className="nhsuk-u-margin-bottom-7">
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
          {m.chart && m.chart.points.length > 0 && (
            <figure className="nhsuk-u-margin-left-0 nhsuk-u-margin-right-0">
              <figcaption className="nhsuk-body-s">{m.chart.label} (chart; the numbers are in the table that follows)</figcaption>
              <LazyMeasureChart chart={m.chart} />
              <Table caption={`${m.chart.label}: the chart’s numbers`} responsive>
                <TableHead>
                  <TableRow>
                    <TableCell>{m.chart.kind === 'line' ? 'Week starting' : 'Service'}</TableCell>
                    <TableCell>{m.chart.unit === '%' ? 'Share (%)' : 'Hours'}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {m.chart.points.map((p) => (
                    <TableRow key={p.label}>
                      <TableCell>{p.label}</TableCell>
                      <TableCell>{p.value}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </figure>
          )}
          {m.rows.length > 0 && (
            <Table caption={`${m.title}: table`} responsive>
              <TableHead>
                <TableRow>
                  {m.columns.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {m.rows.map((row, i) => (
                  <TableRow key={i}>
                    {row.map((cell, j) => (
                      <TableCell key={j}>{cell ?? '–'}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      ))}
    </>
  );
}
