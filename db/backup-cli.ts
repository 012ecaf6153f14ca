// `npm run db:backup -- <file>`: an online backup of the database in DATABASE_URL, safe while carenav is serving.
import { databasePath } from './client';
import { databaseUrl } from './connection';
import { backupDatabase } from './backup';
import { configuredEngine } from './engine';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run db:backup -- <backup file>');
  process.exit(2);
}
if (configuredEngine() === 'postgres') {
  console.error(
    "carenav: db:backup works on the embedded SQLite database. On PostgreSQL use its own tools: pg_dump and pg_restore, or your host's point-in-time recovery (README: Running on PostgreSQL).",
  );
  process.exit(2);
}
backupDatabase(databasePath(databaseUrl()), target).then(
  (report) => {
    const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
    console.log(`Backed up ${databaseUrl()} to ${target}: integrity ok, ${Object.keys(report.tables).length} tables, ${rows} rows.`);
  },
  (error: unknown) => {
    console.error(`carenav: backup failed. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
