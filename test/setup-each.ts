import { afterAll, afterEach, beforeEach } from 'vitest';
import { openTestDbs, releaseTestDbs } from './db';

// Each test's PostgreSQL databases are dropped when it ends (a file's, made in beforeAll or at the
// top of the file, when the file ends), so a run of a thousand tests keeps a few databases at a time.
let before = 0;
beforeEach(() => {
  before = openTestDbs();
});
afterEach(async () => {
  await releaseTestDbs(before);
});
afterAll(async () => {
  await releaseTestDbs(0);
});
