// Several carenav instances on one database (issue #19): each minute's scheduled work runs once across
// them, and the sign-in and search limits are counted across them. The claims run on both engines; the
// shared limits need two connections to one database, which only PostgreSQL serves (SQLite is served
// by one process, db/server-lock.ts, which keeps its counts in memory).
import { describe, expect, it } from 'vitest';
import { scheduledRuns } from '../../db/schema';
import { anotherInstance, testDb } from '../../test/db';
import { claimTick } from './run-once-per-tick';
import { SEARCHES_PER_MINUTE, takeSearch } from '../rate-limit/search-limit';
import { recordSignInFailure, signInThrottled } from '../auth/sign-in-throttle';
import { env } from '../env';

const MINUTE = 60_000;
const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;

describe('scheduled work across instances', () => {
  it('is claimed by exactly one of many instances each tick, and again the next tick', async () => {
    const db = testDb();
    const at = Date.UTC(2026, 11, 2, 9, 0, 30);
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => claimTick(db, 'escalation', MINUTE, at + i, `host:${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Later in the same minute: already claimed. The next minute, and another job this minute: free.
    expect(await claimTick(db, 'escalation', MINUTE, at + 20_000, 'host:late')).toBe(false);
    expect(await claimTick(db, 'escalation', MINUTE, at + MINUTE, 'host:0')).toBe(true);
    expect(await claimTick(db, 'measures', 60 * MINUTE, at, 'host:0')).toBe(true);
    const rows = await db.select().from(scheduledRuns).all();
    expect(rows.map((r) => [r.job, r.tick])).toEqual(
      expect.arrayContaining([
        ['escalation', Math.floor(at / MINUTE)],
        ['escalation', Math.floor(at / MINUTE) + 1],
        ['measures', Math.floor(at / (60 * MINUTE))],
      ]),
    );
  });

  it('forgets claims older than a day as new ticks are claimed', async () => {
    const db = testDb();
    const at = Date.UTC(2026, 11, 2, 9, 0, 0);
    await claimTick(db, 'escalation', MINUTE, at - 2 * 86_400_000);
    await claimTick(db, 'escalation', MINUTE, at - 3_600_000);
    await claimTick(db, 'escalation', MINUTE, at);
    const ticks = (await db.select().from(scheduledRuns).all()).map((r) => r.tick).sort();
    expect(ticks).toEqual([Math.floor((at - 3_600_000) / MINUTE), Math.floor(at / MINUTE)]);
  });

  it.runIf(onPostgres)('two instances on one PostgreSQL claim each tick once between them', async () => {
    const a = testDb();
    const b = anotherInstance(a);
    const at = Date.UTC(2026, 11, 2, 10, 0, 0);
    const results = await Promise.all([claimTick(a, 'escalation', MINUTE, at, 'a'), claimTick(b, 'escalation', MINUTE, at + 5, 'b')]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe.runIf(onPostgres)('limits shared by two instances on one PostgreSQL', () => {
  it('counts one user’s searches across both: the allowance is for the user, not per instance', async () => {
    const a = testDb();
    const b = anotherInstance(a);
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) expect(await takeSearch(i % 2 ? a : b, 'user-1')).toBeNull();
    const waitA = await takeSearch(a, 'user-1');
    const waitB = await takeSearch(b, 'user-1');
    expect(waitA).toBeGreaterThan(0);
    expect(waitB).toBeGreaterThan(0);
    expect(await takeSearch(b, 'user-2')).toBeNull();
  });

  it('blocks an address on both after its failures were spread over them', async () => {
    const a = testDb();
    const b = anotherInstance(a);
    const perIp = env().CARENAV_SIGN_IN_FAILURES_PER_IP;
    for (let i = 0; i < perIp; i++) await recordSignInFailure(i % 2 ? a : b, '203.0.113.7');
    expect(await signInThrottled(a, '203.0.113.7')).toMatchObject({ rule: 'throttled_ip' });
    expect(await signInThrottled(b, '203.0.113.7')).toMatchObject({ rule: 'throttled_ip' });
    expect(await signInThrottled(b, '198.51.100.1')).toBeNull();
  });
});
