/**
 * A child process for the crash and backup drills: it makes a database on DB_PATH (a small world),
 * then adds notes through the real use case, one transaction each (event + audit row), printing
 * "ack <id>" only after each has committed. WRITES sets how many (default 1,000); DELAY_MS slows
 * it down. With LOCK=1 it marks itself as the process serving the database, as the app does.
 */
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { claimServerLock } from '../../db/server-lock';
import { addEntry } from '../../server/timeline/add-entry';
import { makeWorld } from '../world';

const path = process.env.DB_PATH!;
const writes = Number(process.env.WRITES ?? 1000);
const delayMs = Number(process.env.DELAY_MS ?? 0);
const db = createDb(path);
migrateDb(db);
if (process.env.LOCK === '1') claimServerLock(path);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function main() {
  const w = await makeWorld(db);
  const actor = { ...w.navigator.actor, access: { rule: 'named_contact', action: 'timeline.add' } };
  process.stdout.write(`ready ${w.patient.id}\n`);
  for (let i = 0; i < writes; i++) {
    const { id } = await addEntry(db, actor, {
      patientId: w.patient.id,
      type: 'note',
      text: `Acknowledged write ${i}`,
      occurredAt: Date.now(),
      carerVisible: false,
    });
    // Only now, after the commit returned (synchronous = FULL), is the write acknowledged.
    process.stdout.write(`ack ${id}\n`);
    if (delayMs) await sleep(delayMs);
  }
  process.stdout.write('done\n');
}
void main();
