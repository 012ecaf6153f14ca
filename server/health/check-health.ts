import { getDb } from '../../db/connection';

/** True when the database answers a trivial query. */
export function databaseIsHealthy(): boolean {
  try {
    return getDb().$client.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}
