import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Ids of records people see and link to: random, so an id says nothing about its record. */
export const newId = (): string => randomUUID();

/**
 * Ids of the append-only logs (audit rows, timeline events): time-ordered (UUID version 7), so each
 * new row lands at the right-hand edge of its table's primary key instead of on a random page of a
 * table with millions of rows. Every read writes an audit row and every change a timeline event, so
 * this is on every request's path. The moment is in the row anyway (and shown on the timeline).
 */
export const newAuditId = (): string => uuidv7();
export const newEventId = newAuditId;

/**
 * Ids of consent decisions: time-ordered too (monotonic within a process), so that two decisions
 * stamped in the same millisecond are ordered by id as they were recorded. SQLite orders such a tie
 * by rowid; PostgreSQL has no insertion order and orders it by this id (db/schema NEWEST_DECISION_FIRST).
 * The moment is on the decision anyway.
 */
export const newDecisionId = newAuditId;
