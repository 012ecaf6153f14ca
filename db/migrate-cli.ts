import { getDb, databaseUrl } from './connection';

getDb();
console.log(`Database at ${databaseUrl()} is migrated.`);
