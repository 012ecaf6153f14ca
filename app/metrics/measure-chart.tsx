'use client';

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Measure } from '../../server/metrics/compute-measures';
import { shortDateLabel, wrapLabel } from '../../server/metrics/chart-labels';

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const FONT_SIZE = 14;
const LINE_HEIGHT = 16;
/** About the width of a character of the axis font, to fit a label to its bar. */
const CHAR_WIDTH = 7.5;
/** A bar's label is wrapped to fit under the bar, on at most this many lines. */
const MOST_LINES = 4;

type TickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value?: string | number };
  width?: number | string;
  visibleTicksCount?: number;
};

/** Every bar's name under it, wrapped at spaces to the bar's width. */
function BarTick({ x, y, payload, width, visibleTicksCount }: TickProps) {
  const band = Number(width ?? 0) / Math.max(visibleTicksCount ?? 1, 1);
  const lines = wrapLabel(String(payload?.value ?? ''), Math.max(6, Math.floor((band - 4) / CHAR_WIDTH))).slice(0, MOST_LINES);
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fill={TEXT} fontSize={FONT_SIZE} className="carenav-chart__tick">
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? '0.71em' : LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A measure's chart, for people who would rather look than read. It is hidden from screen readers
 * and not focusable: the same numbers are in the table beside it, which the chart's caption names.
 * Every bar is labelled (no tick is dropped for lack of room: long names wrap); the line chart's
 * dates are written as elsewhere in carenav ("3 Nov"), with room for the first and last.
 */
export function MeasureChart({ chart }: { chart: NonNullable<Measure['chart']> }) {
  // Room under the bars for the longest name wrapped to a narrow (phone-width) bar.
  const barLines = Math.min(MOST_LINES, Math.max(1, ...chart.points.map((p) => wrapLabel(p.label, 10).length)));
  return (
    <div aria-hidden="true" className="carenav-chart">
      <ResponsiveContainer width="100%" height={240 + (chart.kind === 'bar' ? (barLines - 1) * LINE_HEIGHT : 0)}>
        {chart.kind === 'line' ? (
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
        ) : (
          <BarChart data={chart.points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d8dde0" vertical={false} />
            <XAxis dataKey="label" interval={0} tick={<BarTick />} height={barLines * LINE_HEIGHT + 14} />
            <YAxis
              tick={{ fill: TEXT, fontSize: FONT_SIZE }}
              unit={chart.unit === '%' ? '%' : ''}
              domain={chart.unit === '%' ? [0, 100] : undefined}
            />
            <Bar dataKey="value" fill={NHS_BLUE} isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
