'use client';

import dynamic from 'next/dynamic';

/**
 * The chart library is the largest script carenav has (about 100 kB gzip): it loads after the page
 * is interactive, so the measures (and their tables, which hold the same numbers) are not kept
 * waiting for it, and other pages never load it. The reserved space keeps the page from jumping.
 */
export const LazyMeasureChart = dynamic(() => import('./measure-chart').then((m) => m.MeasureChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="carenav-chart" style={{ height: 240 }} />,
});
