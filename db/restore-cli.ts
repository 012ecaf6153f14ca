// `npm run db:restore -- <file>`: replaces the database in DATABASE_URL with a backup (carenav must be stopped).
import { databasePath } from './client';
import { databaseUrl } from './connection';
import { restoreDatabase } from './backup';
import { configuredEngine } from './engine';

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
if (configuredEngine() === 'postgres') {
  console.error(
    "carenav: db:restore works on the embedded SQLite database. On PostgreSQL use its own tools: pg_dump and pg_restore, or your host's point-in-time recovery (README: Running on PostgreSQL).",
  );
  process.exit(2);
}
try {
  const { report, keptAs } = restoreDatabase(source, databasePath(databaseUrl()));
  const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Restored ${databaseUrl()} from ${source}: integrity ok, ${rows} rows.${keptAs ? ` The database it replaced is kept at ${keptAs}.` : ''}`,
  );
} catch (error) {
  console.error(`carenav: restore refused. ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
