import { readFileSync } from 'node:fs';
import { closeDb, databaseLabel, openDb } from './connection';
import { importFeedText } from '../server/directory/import-oruk';
import { DomainError } from '../server/errors';

// npm run directory:import -- <feed.json>: fills the service directory from an Open Referral UK file.
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run directory:import -- <file.json>   (an Open Referral UK / HSDS services feed)');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`carenav: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
void (async () => {
  try {
    const report = await importFeedText(await openDb(), null, { feed: text });
    console.log(
      `Imported ${file} into ${databaseLabel()}: ${report.created} created, ${report.updated} updated, ${report.skipped.length} skipped.`,
    );
    for (const s of report.skipped)
      console.log(`  skipped record ${s.index}${s.id ? ` (id ${s.id})` : ''}${s.name ? ` “${s.name}”` : ''}: ${s.reason}`);
  } catch (error) {
    console.error(`carenav: ${error instanceof DomainError ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
})();
