import { describe, expect, it } from 'vitest';
import { closeDatabase } from '../../db/connection';
import { testDb } from '../../test/db';
import { databaseIsHealthy } from './check-health';

describe('health check', () => {
  it('is healthy when the database answers, and not when it is closed or cannot be opened', async () => {
    const db = testDb();
    expect(await databaseIsHealthy(() => db)).toBe(true);
    await closeDatabase(db);
    expect(await databaseIsHealthy(() => db)).toBe(false);
    expect(
      await databaseIsHealthy(() => {
        throw new Error('unable to open database file');
      }),
    ).toBe(false);
  });
});
