import { createRequire } from 'node:module';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteDatabase = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement;

/**
 * The SQLite driver for the Node.js this runs on. No one version of better-sqlite3 works on every
 * supported Node: 12.x (our `better-sqlite3`) is the last to run on Node 20, and on Node 24 its
 * statements abort the process when they are garbage-collected (node::ObjectWrap changed; see
 * docs/decisions/010-sqlite-driver-per-node.md); 13.x (`better-sqlite3-13`, an optional dependency
 * that npm installs only on Node 22 and later) is built on Node-API and needs Node 22. Same API.
 */
function loadDriver(): typeof BetterSqlite3 {
  const load = createRequire(join(process.cwd(), 'package.json'));
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) {
    try {
      return load('better-sqlite3-13') as typeof BetterSqlite3;
    } catch (error) {
      // Installed on Node 20 and then run on a newer Node: reinstall so npm adds the newer driver.
      throw new Error(`carenav: better-sqlite3-13 is missing for Node ${process.versions.node}; run npm install (or npm ci) on this Node`, {
        cause: error,
      });
    }
  }
  return load('better-sqlite3') as typeof BetterSqlite3;
}

export const Database = loadDriver();
