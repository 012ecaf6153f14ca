'use client';

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Measure } from '../../server/metrics/compute-measures';
import { shortDateLabel, wrapLabel } from '../../server/metrics/chart-labels';

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const FONT_SIZE = 14;
const LINE_HEIGHT = 17;
/** The room for the bars' names, beside the bars; about 18 characters of the axis font a line. */
const NAMES_WIDTH = 150;
const NAME_CHARS = 18;

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: string | number } };

/** A bar's name beside it, wrapped at spaces onto as many lines as it needs, centred on the bar. */
function BarName({ x, y, payload }: TickProps) {
  const lines = wrapLabel(String(payload?.value ?? ''), NAME_CHARS);
  const first = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" fill={TEXT} fontSize={FONT_SIZE}>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? first + FONT_SIZE * 0.35 : LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A measure's chart, for people who would rather look than read. It is hidden from screen readers
 * and not focusable: the same numbers are in the table beside it, which the chart's caption names.
 * Bars run across, each named beside it (long names wrap, none is dropped for lack of room, at any
 * width); the line chart's dates are written as elsewhere in carenav ("3 Nov"), the first and last whole.
 */
export function MeasureChart({ chart }: { chart: NonNullable<Measure['chart']> }) {
  const rowHeight = (label: string) => Math.max(2, wrapLabel(label, NAME_CHARS).length) * LINE_HEIGHT + 16;
  const barsHeight = chart.points.reduce((sum, p) => sum + rowHeight(p.label), 0);
  return (
    <div aria-hidden="true" className="carenav-chart">
      {chart.kind === 'line' ? (
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={chart.points} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d8dde0" />
            <XAxis
              dataKey="label"
              tick={{ fill: TEXT, fontSize: FONT_SIZE }}
              tickFormatter={(label: string) => shortDateLabel(label)}
              padding={{ left: 28, right: 28 }}
            />
            <YAxis tick={{ fill: TEXT, fontSize: FONT_SIZE }} unit={chart.unit === '%' ? '%' : ''} />
            <Line dataKey="value" stroke={NHS_BLUE} strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      ) : (
        <ResponsiveContainer width="100%" height={barsHeight + 48}>
          <BarChart data={chart.points} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#d8dde0" horizontal={false} />
            <XAxis
              type="number"
              tick={{ fill: TEXT, fontSize: FONT_SIZE }}
              unit={chart.unit === '%' ? '%' : ''}
              domain={chart.unit === '%' ? [0, 100] : undefined}
            />
            <YAxis type="category" dataKey="label" interval={0} width={NAMES_WIDTH} tick={<BarName />} />
            <Bar dataKey="value" fill={NHS_BLUE} isAnimationActive={false} maxBarSize={32} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
