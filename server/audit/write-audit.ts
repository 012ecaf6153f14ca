import type { Db } from '../../db/client';
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

/** Appends one audit row. Call inside the transaction of the write it records. */
export function writeAudit(db: Pick<Db, 'insert'>, actor: Actor | null, entry: AuditEntry, now = Date.now()): void {
  db.insert(auditLog)
    .values({
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
    })
    .run();
}

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
    setImmediate(() => {
      const batch = queues.get(db) ?? [];
      queues.delete(db);
      try {
        db.transaction((tx) => {
          for (const q of batch) writeAudit(tx, q.actor, q.entry, q.now);
        });
      } catch (error) {
        for (const q of batch) q.done.reject(error);
        return;
      }
      for (const q of batch) q.done.resolve();
    });
  });
}
