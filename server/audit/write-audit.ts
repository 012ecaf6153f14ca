import type { Db } from '../../db/client';
import { outsideAnyTransaction } from '../../db/transaction-scope';
import { auditLog, type AuditOutcome } from '../../db/schema';
import type { Actor } from '../access/actor';
import { newAuditId } from '../ids';

export type AuditEntry = {
  action: string;
  patientId: string | null;
  /** granted; denied (refused by the policy); failed (let through, then refused by the use case or its input). */
  outcome: AuditOutcome;
  rule: string;
  reason?: string | null;
};

function auditRow(actor: Actor | null, entry: AuditEntry, now: number): typeof auditLog.$inferInsert {
  return {
    id: newAuditId(),
    at: now,
    userId: actor?.userId ?? null,
    role: actor?.role ?? null,
    organisationId: actor?.organisationId ?? null,
    action: entry.action,
    patientId: entry.patientId,
    outcome: entry.outcome,
    rule: entry.rule,
    // Everything done under emergency access carries the reason given for it.
    reason: entry.reason ?? actor?.access?.reason ?? null,
    ip: actor?.ip ?? null,
  };
}

/** Appends one audit row. Call inside the transaction of the write it records. */
export async function writeAudit(db: Pick<Db, 'insert'>, actor: Actor | null, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insert(auditLog)
    .values(auditRow(actor, entry, now))
    .run();
}

/**
 * The one insert a batch of read audit rows runs, compiled once (db/client.ts keeps it): building
 * drizzle's insert for every batch was about a tenth of a list page's server time, and this is the
 * hottest write there is (every read). Same columns as `auditRow`; the schema test below keeps them so.
 */
export const AUDIT_INSERT_SQL =
  'insert into audit_log (id, at, user_id, role, organisation_id, action, patient_id, outcome, rule, reason, ip) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

type Queued = { actor: Actor | null; entry: AuditEntry; now: number; done: { resolve: () => void; reject: (error: unknown) => void } };
const queues = new Map<Db, Queued[]>();

/**
 * Appends one audit row with others queued in the same turn of the event loop, in one transaction:
 * group commit. Resolves only once the row is committed (synchronous=FULL, so on disk), so a read
 * still returns nothing until its audit row is durable; but concurrent reads share one fsync
 * instead of paying one each, which is what bounded read throughput. Rejects if the commit fails.
 */
export function writeAuditGrouped(db: Db, actor: Actor | null, entry: AuditEntry, now = Date.now()): Promise<void> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(db);
    const item = { actor, entry, now, done: { resolve, reject } };
    if (queue) {
      queue.push(item);
      return;
    }
    queues.set(db, [item]);
    // Committed on its own, never inside (and rolled back with) the transaction of whichever caller
    // happened to queue the first row.
    outsideAnyTransaction(() => setImmediate(() => void commitQueued(db)));
  });
}

/** Writes the rows queued for `db` in one transaction, then answers each caller. */
async function commitQueued(db: Db): Promise<void> {
  const batch = queues.get(db) ?? [];
  queues.delete(db);
  try {
    const rows = batch.map((q) => auditRow(q.actor, q.entry, q.now));
    if (db.$engine === 'postgres') {
      // One multi-row insert: one round trip to the server for the whole batch.
      await db.insert(auditLog).values(rows).run();
    } else {
      const insert = db.$client.prepare(AUDIT_INSERT_SQL);
      await db.transaction(() => {
        for (const r of rows)
          insert.run(r.id, r.at, r.userId, r.role, r.organisationId, r.action, r.patientId, r.outcome, r.rule, r.reason, r.ip);
        return Promise.resolve();
      });
    }
  } catch (error) {
    for (const q of batch) q.done.reject(error);
    return;
  }
  for (const q of batch) q.done.resolve();
}
