import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { synthesize } from '../../db/seed/synth';
import { readEnv } from '../env';
import { benchmarkRouteEnabled, benchmarkTimelineResponse } from './benchmark-route';

describe('the benchmark-only route', () => {
  it('is off unless the server was started for the benchmark and the database is synthetic', () => {
    const real = testDb();
    const synthetic = testDb();
    synthesize(synthetic, { people: 5, seed: 1 });
    expect(benchmarkRouteEnabled(real, readEnv({}))).toBe(false);
    expect(benchmarkRouteEnabled(real, readEnv({ CARENAV_BENCHMARK: 'true' }))).toBe(false);
    expect(benchmarkRouteEnabled(synthetic, readEnv({}))).toBe(false);
    expect(benchmarkRouteEnabled(synthetic, readEnv({ CARENAV_BENCHMARK: 'false' }))).toBe(false);
    expect(benchmarkRouteEnabled(synthetic, readEnv({ CARENAV_BENCHMARK: 'true' }))).toBe(true);
    // Anything but "true" or "false" is refused at start-up rather than read as off.
    expect(() => readEnv({ CARENAV_BENCHMARK: '1' })).toThrow(/CARENAV_BENCHMARK/);
  });

  it('answers 404 on a real database even when asked for a real person', async () => {
    const real = testDb();
    const id = real.$client.prepare('select id from users limit 1').pluck().get() as string;
    process.env.CARENAV_BENCHMARK = 'true';
    try {
      const response = await benchmarkTimelineResponse(new Request(`http://localhost/api/bench/timeline?patientId=${id}`), real);
      expect(response.status).toBe(404);
      const synthetic = testDb();
      synthesize(synthetic, { people: 5, seed: 1 });
      const person = synthetic.$client.prepare('select id from patients limit 1').pluck().get() as string;
      const ok = await benchmarkTimelineResponse(new Request(`http://localhost/api/bench/timeline?patientId=${person}`), synthetic);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      expect((await benchmarkTimelineResponse(new Request('http://localhost/api/bench/timeline?patientId=x'), synthetic)).status).toBe(400);
    } finally {
      delete process.env.CARENAV_BENCHMARK;
    }
  });
});
