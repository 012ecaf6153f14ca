import { count, ne } from 'drizzle-orm';
import { closeDb, databaseLabel, openDb } from '../connection';
import { users } from '../schema';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedDemo } from './demo';
import { DEMO_PASSWORD } from '../factories';
import { env } from '../../server/env';

// Demo accounts have a public password: never create them in a production database.
if (!env().CARENAV_DEMO) {
  console.error('carenav: refusing to load demo data without CARENAV_DEMO=true (demo accounts have a public password).');
  process.exit(1);
}

void (async () => {
  const db = await openDb();
  // Every database has carenav's own system user (migration 0003): count the others.
  const existing = (await db.select({ n: count() }).from(users).where(ne(users.role, 'system')).get())?.n ?? 0;
  if (existing > 0) {
    console.log(`Demo data already loaded in ${databaseLabel()} (${existing} accounts); leaving it as it is.`);
  } else {
    const { patients } = await seedDemo(db);
    console.log(`Loaded the demo area into ${databaseLabel()}: ${patients} people.`);
  }
  console.log(`\nDemo accounts (password: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(36)} ${a.who}`);
  await closeDb();
})();
