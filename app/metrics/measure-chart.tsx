'use client';

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Measure } from '../../server/metrics/compute-measures';

const NHS_BLUE = '#005eb8';

/**
 * A measure's chart, for people who would rather look than read. It is hidden from screen readers
 * and not focusable: the same numbers are in the table beside it.
 */
export function MeasureChart({ chart }: { chart: NonNullable<Measure['chart']> }) {
  return (
    <div aria-hidden="true" className="carenav-chart">
      <ResponsiveContainer width="100%" height={240}>
        {chart.kind === 'line' ? (
          <LineChart data={chart.points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d8dde0" />
            <XAxis dataKey="label" tick={{ fill: '#212b32', fontSize: 14 }} />
            <YAxis tick={{ fill: '#212b32', fontSize: 14 }} unit={chart.unit === '%' ? '%' : ''} />
            <Line dataKey="value" stroke={NHS_BLUE} strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        ) : (
          <BarChart data={chart.points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d8dde0" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: '#212b32', fontSize: 14 }} />
            <YAxis
              tick={{ fill: '#212b32', fontSize: 14 }}
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
