import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Ids of records people see and link to: random, so an id says nothing about its record. */
export const newId = (): string => randomUUID();

/**
 * Ids of audit rows: time-ordered (UUID version 7), so each new row lands at the right-hand edge of
 * the audit log's primary key instead of a random page of a table with millions of rows. Every
 * read writes audit rows, so this is on every request's path. The time is in the row anyway.
 */
export const newAuditId = (): string => uuidv7();
