import { defineConfig } from 'drizzle-kit';

// The PostgreSQL engine's schema and migrations (issue #19): db/schema-pg mirrors db/schema, and
// db/schema-agreement.test.ts fails when the two disagree.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './drizzle-pg',
  casing: 'snake_case',
});
