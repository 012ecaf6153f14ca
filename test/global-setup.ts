// Nothing shared to start: each test file migrates its template database once (test/db.ts).
// The main suite runs in England's zone; vitest.config.ts runs the date-sensitive suites again
// under other zones, which set their own TZ.
export default function setup() {
  process.env.TZ = 'Europe/London';
}
