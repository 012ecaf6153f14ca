import { describe, expect, it } from 'vitest';
import { configuredEngine } from './engine';
import { closeDatabase } from './connection';
import { createPgDb, migratePg, poolOf } from './pg-client';
import { emptyPgDatabaseUrl } from '../test/db';

describe.runIf(configuredEngine() === 'postgres')('PostgreSQL connections (db/pg-client.ts)', () => {
  it('cancels a query that runs past the statement timeout, and leaves the pool usable', async () => {
    const db = createPgDb(await emptyPgDatabaseUrl(), { max: 1, statementTimeoutMs: 200 });
    try {
      await expect(poolOf(db).query('select pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
      expect((await poolOf(db).query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await closeDatabase(db);
    }
  });

  it('migrates with no statement timeout, and gives the connection back with the pool’s', async () => {
    const db = createPgDb(await emptyPgDatabaseUrl(), { max: 1, statementTimeoutMs: 1_000 });
    try {
      await migratePg(db);
      expect((await poolOf(db).query('show statement_timeout')).rows).toEqual([{ statement_timeout: '1s' }]);
    } finally {
      await closeDatabase(db);
    }
  });
});
