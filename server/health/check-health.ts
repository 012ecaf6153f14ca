import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { getDb } from '../../db/connection';

/** True when the database answers a trivial query (on either engine). */
export async function databaseIsHealthy(db: () => Db = getDb): Promise<boolean> {
  try {
    return (await db().get(sql`select 1 as ok`)) !== undefined;
  } catch {
    return false;
  }
}
