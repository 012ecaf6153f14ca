import { describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDb } from '../../test/db';
import { writeAudit, writeAuditGrouped } from './write-audit';

const entry = (i: number) => ({ action: `test.read${i}`, patientId: null, outcome: 'granted' as const, rule: 'test' });

describe('audit group commit', () => {
  it('commits the rows of concurrent reads in one transaction, and resolves each only once committed', async () => {
    const db = testDb();
    // SQLite: one transaction of prepared inserts; PostgreSQL: one multi-row insert (one statement).
    const commit = vi.spyOn(db, db.$engine === 'postgres' ? 'insert' : 'transaction');
    const count = async () => (await db.get<{ n: number }>(sql`select count(*) as n from audit_log where rule = 'test'`)).n;
    const pending = Array.from({ length: 20 }, (_, i) => writeAuditGrouped(db, null, entry(i)));
    // Nothing is written in the turn the rows are queued (a count here would race the batch on PostgreSQL).
    expect(commit).not.toHaveBeenCalled();
    await Promise.all(pending);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(await count()).toBe(20);
    await writeAuditGrouped(db, null, entry(20));
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('writes a grouped row exactly as a single row is written (same columns, same values)', async () => {
    const db = testDb();
    const actor = {
      userId: 'u1',
      name: 'N',
      role: 'navigator' as const,
      organisationId: 'o1',
      sector: 'primary' as const,
      ip: '10.0.0.1',
      access: { rule: 'caseload', action: 'x', reason: 'Emergency' },
    };
    const e = { action: 'patients.get', patientId: 'p1', outcome: 'granted' as const, rule: 'caseload' };
    await writeAudit(db, actor, e, 1000);
    await writeAuditGrouped(db, actor, e, 1000);
    // In either order: the two rows must be the same but for their ids.
    const rows = await db.all<Record<string, unknown>>(sql`select * from audit_log`);
    expect(rows).toHaveLength(2);
    const [single, grouped] = rows.map(({ id: _id, ...rest }) => rest);
    expect(grouped).toEqual(single);
    expect(single).toMatchObject({ user_id: 'u1', organisation_id: 'o1', reason: 'Emergency', ip: '10.0.0.1', at: 1000 });
  });

  it('rejects every waiting read when the commit fails, so none is served unaudited', async () => {
    const db = testDb();
    await db.run(sql`drop table audit_log`);
    const results = await Promise.allSettled([writeAuditGrouped(db, null, entry(1)), writeAuditGrouped(db, null, entry(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('commits a row queued from inside a transaction on its own: rolling that transaction back keeps the row', async () => {
    const db = testDb();
    let queued: Promise<void> | undefined;
    await db
      .transaction(async () => {
        queued = writeAuditGrouped(db, null, { action: 'test.inside', patientId: null, outcome: 'granted', rule: 'test' });
        // Long enough for the batch to start while the transaction is still open.
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await queued;
    expect((await db.get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'test.inside'`))?.n).toBe(1);
  });
});
