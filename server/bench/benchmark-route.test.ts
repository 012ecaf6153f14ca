import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { insertTimelineEvent } from '../../db/factories';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';
import { synthesize, SYNTHETIC_MARKER_TABLE } from '../../db/seed/synth';
import { readEnv } from '../env';
import { benchmarkRouteEnabled, benchmarkTimelineResponse } from './benchmark-route';

/**
 * A database `npm run db:synth` made. db:synth fills a SQLite file through its driver, so on
 * PostgreSQL this is a small world carrying the same marker table, and a person with a note.
 */
async function syntheticDb(): Promise<Db> {
  const db = testDb();
  if (db.$engine === 'sqlite') {
    synthesize(db, { people: 5, seed: 1 });
    return db;
  }
  const w = await makeWorld(db);
  await insertTimelineEvent(db, { patientId: w.patient.id, actorUserId: w.navigator.row.id, sector: 'primary' });
  await db.run(
    sql`create table ${sql.identifier(SYNTHETIC_MARKER_TABLE)} (seed integer not null, people integer not null, until bigint not null)`,
  );
  return db;
}

describe('the benchmark-only route', () => {
  it('is off unless the server was started for the benchmark and the database is synthetic', async () => {
    const real = testDb();
    const synthetic = await syntheticDb();
    expect(await benchmarkRouteEnabled(real, readEnv({}))).toBe(false);
    expect(await benchmarkRouteEnabled(real, readEnv({ CARENAV_BENCHMARK: 'true' }))).toBe(false);
    expect(await benchmarkRouteEnabled(synthetic, readEnv({}))).toBe(false);
    expect(await benchmarkRouteEnabled(synthetic, readEnv({ CARENAV_BENCHMARK: 'false' }))).toBe(false);
    expect(await benchmarkRouteEnabled(synthetic, readEnv({ CARENAV_BENCHMARK: 'true' }))).toBe(true);
    // Anything but "true" or "false" is refused at start-up rather than read as off.
    expect(() => readEnv({ CARENAV_BENCHMARK: '1' })).toThrow(/CARENAV_BENCHMARK/);
  });

  it('answers 404 on a real database even when asked for a real person', async () => {
    const real = testDb();
    const { id } = await real.get<{ id: string }>(sql`select id from users limit 1`);
    process.env.CARENAV_BENCHMARK = 'true';
    try {
      const response = await benchmarkTimelineResponse(new Request(`http://localhost/api/bench/timeline?patientId=${id}`), real);
      expect(response.status).toBe(404);
      const synthetic = await syntheticDb();
      const person = (await synthetic.get<{ id: string }>(sql`select id from patients limit 1`)).id;
      const ok = await benchmarkTimelineResponse(new Request(`http://localhost/api/bench/timeline?patientId=${person}`), synthetic);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      expect((await benchmarkTimelineResponse(new Request('http://localhost/api/bench/timeline?patientId=x'), synthetic)).status).toBe(400);
    } finally {
      delete process.env.CARENAV_BENCHMARK;
    }
  });
});
