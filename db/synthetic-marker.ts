/** Marks a database made by `npm run db:synth`: the benchmark-only route refuses to run without it. */
export const SYNTHETIC_MARKER_TABLE = 'carenav_synthetic';
