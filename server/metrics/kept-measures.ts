import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { keptMeasures, organisations } from '../../db/schema';
import type { Actor } from '../access/actor';
import { computeMeasures, measureScope, scopeKey, type Measure, type MeasureScope } from './compute-measures';
import { errorMessage, log } from '../log';
import { MEASURE_IDS, MEASURES, type MeasureId } from './definitions';
import { defaultPeriod, type MeasuresInput } from './measure-input';

/**
 * Measures are kept rather than computed on every visit: at a whole system's size (100,000
 * people, millions of timeline entries) computing them takes from a tenth of a second to
 * seconds, and a page must open at once. How fresh they are, by whose people:
 *
 * - a navigator's own or a team's: served as kept for an hour; from one hour to a day old they are
 *   served and brought up to date in the background; older than a day, computed before serving.
 * - every organisation's (100,000 people): the same with a day and two days, so the heavy work
 *   happens once a day, in the night (see `keepDefaultPeriodsUpToDate`).
 *
 * The page says when the figures it shows were computed.
 */
const HOUR = 3_600_000;
export const FRESHNESS: Record<MeasureScope['kind'], { freshFor: number; servedUntil: number }> = {
  mine: { freshFor: HOUR, servedUntil: 24 * HOUR },
  team: { freshFor: HOUR, servedUntil: 24 * HOUR },
  all: { freshFor: 24 * HOUR, servedUntil: 48 * HOUR },
};

/** Kept rows nobody has needed for a week are removed. */
export const KEPT_FOR_MS = 7 * 24 * HOUR;

/**
 * Raise when the way a measure is computed changes without its written definition changing: kept
 * rows computed the old way are then never served. (A change of definition does this by itself.)
 */
const COMPUTATION = 1;
export const KEPT_VERSION = createHash('sha256')
  .update(`${COMPUTATION}:${JSON.stringify(MEASURES)}`)
  .digest('hex')
  .slice(0, 16);

type Period = { from: string; to: string };

const wantedIds = (measures?: MeasureId[]) => (measures?.length ? MEASURE_IDS.filter((id) => measures.includes(id)) : MEASURE_IDS);

/** What is kept for these people and period under the current definitions, by measure. */
async function keptFor(db: Db, scope: MeasureScope, period: Period) {
  const rows = await db
    .select({ measureId: keptMeasures.measureId, computedAt: keptMeasures.computedAt, body: keptMeasures.body })
    .from(keptMeasures)
    .where(
      and(
        eq(keptMeasures.scopeKey, scopeKey(scope)),
        eq(keptMeasures.periodFrom, period.from),
        eq(keptMeasures.periodTo, period.to),
        eq(keptMeasures.version, KEPT_VERSION),
      ),
    )
    .all();
  return new Map(rows.map((row) => [row.measureId as MeasureId, row]));
}

/** Stores measures just computed, replacing what was kept for the same people, period and measure. */
async function keep(db: Db, scope: MeasureScope, period: Period, measures: Measure[]): Promise<Measure[]> {
  await db.transaction(async (tx) => {
    for (const m of measures) {
      const row = { version: KEPT_VERSION, computedAt: m.computedAt, body: JSON.stringify(m) };
      await tx
        .insert(keptMeasures)
        .values({ scopeKey: scopeKey(scope), periodFrom: period.from, periodTo: period.to, measureId: m.id, ...row })
        .onConflictDoUpdate({
          target: [keptMeasures.scopeKey, keptMeasures.periodFrom, keptMeasures.periodTo, keptMeasures.measureId],
          set: row,
        })
        .run();
    }
  });
  return measures;
}

/**
 * The measures asked for, for the caller's people: as kept when fresh enough, otherwise computed,
 * kept and served. Who may see which people is decided by `measureScope` (it refuses the rest).
 */
export async function readMeasures(db: Db, actor: Actor, input: MeasuresInput, now = Date.now()): Promise<Measure[]> {
  const scope = measureScope(actor, input);
  const period = { from: input.from, to: input.to };
  const { freshFor, servedUntil } = FRESHNESS[scope.kind];
  const kept = await keptFor(db, scope, period);
  const wanted = wantedIds(input.measures);
  const usable = (id: MeasureId) => {
    const row = kept.get(id);
    return row !== undefined && now - row.computedAt <= servedUntil && row.computedAt <= now;
  };
  const missing = wanted.filter((id) => !usable(id));
  const computed = missing.length
    ? await keep(db, scope, period, await computeMeasures(db, scope, { ...period, measures: missing }, now))
    : [];
  const ageing = wanted.filter((id) => usable(id) && now - kept.get(id)!.computedAt > freshFor);
  if (ageing.length) bringUpToDateLater(db, scope, period, ageing);
  return wanted.map((id) => computed.find((m) => m.id === id) ?? (JSON.parse(kept.get(id)!.body) as Measure));
}

// Background work: one measure at a time, each in its own turn of the event loop, so requests are
// served between them. One queue per process (kept on globalThis, like the database connection).
type Queue = { pending: Set<string>; idle: Promise<void> };
const globalForQueue = globalThis as unknown as { carenavKeptMeasures?: Queue };
const queue = (): Queue => (globalForQueue.carenavKeptMeasures ??= { pending: new Set(), idle: Promise.resolve() });

/** Recomputes and keeps these measures after the current request, unless already waiting to be. */
export function bringUpToDateLater(db: Db, scope: MeasureScope, period: Period, ids: readonly MeasureId[]): void {
  const q = queue();
  for (const id of ids) {
    const unit = `${scopeKey(scope)}|${period.from}|${period.to}|${id}`;
    if (q.pending.has(unit)) continue;
    q.pending.add(unit);
    q.idle = q.idle
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        q.pending.delete(unit);
        await keep(db, scope, period, await computeMeasures(db, scope, { ...period, measures: [id] }));
      })
      .catch((error: unknown) =>
        log.error({ measure: id, scope: scopeKey(scope), err: errorMessage(error) }, 'bringing a measure up to date failed'),
      );
  }
}

/** Resolves once every measure waiting to be brought up to date has been (for tests and shutdown). */
export const keptMeasuresIdle = (): Promise<void> => queue().idle;

/**
 * Run every hour by the scheduler: the default period (the last 12 weeks) of every navigator team
 * and of every organisation is kept ready, so the first visit of the day opens at once. Teams'
 * are brought up to date when an hour old; every organisation's when a day old, which after the
 * first day is just after midnight, when the default period moves on. Removes what nobody has
 * needed for a week.
 */
export async function keepDefaultPeriodsUpToDate(db: Db, now = Date.now()): Promise<void> {
  await db
    .delete(keptMeasures)
    .where(lt(keptMeasures.computedAt, now - KEPT_FOR_MS))
    .run();
  const period = defaultPeriod(now);
  const teams = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'navigator_team')).all();
  const scopes: MeasureScope[] = [...teams.map((t): MeasureScope => ({ kind: 'team', organisationId: t.id })), { kind: 'all' }];
  for (const scope of scopes) {
    const kept = await keptFor(db, scope, period);
    const due = MEASURE_IDS.filter((id) => {
      const at = kept.get(id)?.computedAt;
      return at === undefined || now - at > FRESHNESS[scope.kind].freshFor;
    });
    if (due.length) bringUpToDateLater(db, scope, period, due);
  }
}
