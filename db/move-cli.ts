// `npm run db:move -- --to postgres://…`: copies the SQLite database in DATABASE_URL into an empty
// PostgreSQL database, verifies it, and says what to set next (db/move.ts).
import { parseArgs } from 'node:util';
import { databasePath } from './client';
import { databaseLabel, databaseUrl } from './connection';
import { engineOfUrl } from './engine';
import { moveDatabase, progressBar } from './move';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
const to = values.to;
if (!to || engineOfUrl(to) !== 'postgres') {
  console.error('Usage: npm run db:move -- --to postgres://user:password@host:5432/database');
  console.error('Copies the SQLite database in DATABASE_URL (default file:./data/carenav.db) into that empty PostgreSQL database.');
  process.exit(2);
}
if (engineOfUrl(databaseUrl()) !== 'sqlite') {
  console.error(`carenav: DATABASE_URL must name the SQLite database to move from (file:…), not ${databaseLabel()}.`);
  process.exit(2);
}

// Interrupted, the process still exits normally, so the move's snapshot of the records is removed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
console.log(`Moving ${databaseLabel()} to ${databaseLabel(to)}: an online backup first, then the rows in batches.`);
moveDatabase({ from: databasePath(databaseUrl()), to, progress: progressBar('db:move') }).then(
  (report) => {
    for (const t of report.tables) console.log(`  ${t.table.padEnd(28)} ${String(t.rows).padStart(10)} rows  checksum ${t.checksum}`);
    console.log(`Moved ${report.rows} rows in ${report.seconds.toFixed(1)} s; every table's row count and checksum match.`);
    console.log(
      'Next: stop carenav, set DATABASE_URL to the PostgreSQL address, and start it again (README: Moving from the embedded database).',
    );
    console.log(
      'Anything written to the SQLite database after the backup was taken is not in the copy: stop carenav before moving for a final move.',
    );
  },
  (error: unknown) => {
    console.error(`carenav: the move did not happen. ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
