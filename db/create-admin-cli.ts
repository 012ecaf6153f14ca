import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { closeDb, databaseLabel, openDb } from './connection';
import { createFirstAdmin } from '../server/admin/create-first-admin';
import { env } from '../server/env';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } },
});
if (!values.email || !values.name || !values.organisation) {
  console.error('Usage: npm run admin:create -- --email you@example.nhs.uk --name "Your Name" --organisation "Your organisation"');
  console.error('The password is read from CARENAV_ADMIN_PASSWORD, or a strong one is generated and printed once.');
  process.exit(2);
}
const { email, name, organisation } = values;
const given = env().CARENAV_ADMIN_PASSWORD;
const generated = given === undefined;
const password = given ?? randomBytes(18).toString('base64url');
// No top-level await: tsx runs this file as CommonJS.
openDb()
  .then((db) => createFirstAdmin(db, { email, name, organisationName: organisation, password }))
  .then(
    (admin) => {
      console.log(`Administrator ${admin.email} created in ${databaseLabel()}.`);
      if (generated) console.log(`Password (shown once, store it safely): ${password}`);
    },
    (error: unknown) => {
      console.error(`carenav: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  )
  .finally(() => closeDb());
