import { closeDb, databaseLabel, openDb } from './connection';

// npm run db:migrate: brings the database named by DATABASE_URL (SQLite or PostgreSQL) up to date.
void (async () => {
  try {
    await openDb();
    console.log(`Database at ${databaseLabel()} is migrated.`);
  } catch (error) {
    console.error(`carenav: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
})();
