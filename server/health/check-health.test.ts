import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { databaseIsHealthy } from './check-health';

describe('health check', () => {
  it('is healthy when the database answers, and not when it is closed or cannot be opened', () => {
    const db = testDb();
    expect(databaseIsHealthy(() => db)).toBe(true);
    db.$client.close();
    expect(databaseIsHealthy(() => db)).toBe(false);
    expect(
      databaseIsHealthy(() => {
        throw new Error('unable to open database file');
      }),
    ).toBe(false);
  });
});
