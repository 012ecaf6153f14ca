// Nothing shared to start: each test file migrates its template database once (test/db.ts).
export default function setup() {
  process.env.TZ = 'Europe/London';
}
