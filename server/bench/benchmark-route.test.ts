import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { synthesize } from '../../db/seed/synth';
import { benchmarkRouteEnabled } from './benchmark-route';

describe('the benchmark-only route', () => {
  it('is off unless the server was started for the benchmark and the database is synthetic', () => {
    const real = testDb();
    const synthetic = testDb();
    synthesize(synthetic, { people: 5, seed: 1 });
    expect(benchmarkRouteEnabled(real, {})).toBe(false);
    expect(benchmarkRouteEnabled(real, { CARENAV_BENCHMARK: 'true' })).toBe(false);
    expect(benchmarkRouteEnabled(synthetic, {})).toBe(false);
    expect(benchmarkRouteEnabled(synthetic, { CARENAV_BENCHMARK: '1' })).toBe(false);
    expect(benchmarkRouteEnabled(synthetic, { CARENAV_BENCHMARK: 'true' })).toBe(true);
  });
});
