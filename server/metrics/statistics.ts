/** The median: the middle value, or the mean of the two middle values; null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile by nearest rank (the smallest value with at least p% at or below it): easy to check by hand. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** A share as a percentage with one decimal place; null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** Hours, to one decimal place. */
export const hours = (ms: number) => Math.round(ms / 360_000) / 10;

export const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
