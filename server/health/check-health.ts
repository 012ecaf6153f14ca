import type { Db } from '../../db/client';
import { getDb } from '../../db/connection';

/** True when the database answers a trivial query. */
export function databaseIsHealthy(db: () => Db = getDb): boolean {
  try {
    return db().$client.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}
