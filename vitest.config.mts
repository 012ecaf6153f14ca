import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const ALL = ['server/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'];

/**
 * The suites whose answers depend on dates and times: "today", due times, working days, measures
 * by week, and every date written into a record or a notification. They run again under UTC (a
 * typical server) and America/New_York (behind UTC, with its own clock changes) and must give the
 * same answers as under Europe/London: dates are England's whatever `TZ` says.
 */
const DATE_SENSITIVE = [
  'server/calendar/**/*.test.ts',
  'server/metrics/**/*.test.ts',
  'server/tasks/**/*.test.ts',
  'server/discharges/**/*.test.ts',
  'server/referrals/**/*.test.ts',
  'server/consent/**/*.test.ts',
  'server/mdt/**/*.test.ts',
  'server/wellbeing/**/*.test.ts',
  'server/timeline/**/*.test.ts',
  'server/carers/**/*.test.ts',
  'server/break-glass/**/*.test.ts',
  'server/patients/**/*.test.ts',
];

/**
 * Suites about SQLite itself (its connection, file backups, its driver's statements), which the
 * PostgreSQL project leaves out; everything else runs on both engines (issue #19).
 */
const SQLITE_ONLY = [
  'db/client.test.ts',
  'db/backup*.test.ts',
  'db/restore*.test.ts',
  'scripts/**/*.test.ts',
  // Crash-tests the SQLite file itself, in a child process killed mid-write.
  'test/reliability/durability.test.ts',
  // db:synth writes a SQLite file through its driver (`--to` then moves it into PostgreSQL).
  'db/seed/synth.test.ts',
];

/**
 * The files that replace modules with mocks (vi.mock): each runs with a module registry of its own.
 * Every other file shares its worker's modules with the files before it (`isolate: false`): loading
 * the server's module graph afresh for each of two hundred files took as long as their tests.
 * Files that change the clock or the environment put them back after each test.
 */
const MOCKING = [
  'server/auth/session-cookie.test.ts',
  'server/auth/sign-in-throttle.test.ts',
  'test/page-guard.test.ts',
  'test/change-password-action.test.ts',
];

/** A project as two: the files sharing modules, and the mocking files each on their own. */
function withMockingApart<P extends TestProjectInlineConfiguration & { test: { name: string; exclude?: string[] } }>(project: P) {
  const { name, exclude = [] } = project.test;
  return [
    { ...project, test: { ...project.test, isolate: false, exclude: [...exclude, ...MOCKING] } },
    { ...project, test: { ...project.test, name: `${name} (mocks)`, include: MOCKING.filter((f) => !exclude.includes(f)), isolate: true } },
  ];
}

/**
 * The same integration suite on PostgreSQL: one server for the run, a database per test
 * (test/global-setup-postgres.ts, test/db.ts). DATABASE_URL only chooses the engine here.
 */
const postgresProject = {
  test: {
    name: 'PostgreSQL',
    include: ALL,
    exclude: SQLITE_ONLY,
    pool: 'threads' as const,
    environment: 'node',
    env: { DATABASE_URL: 'postgres://chosen-by-test-db/' },
    globalSetup: ['./test/global-setup-postgres.ts'],
    setupFiles: ['./test/setup-each.ts'],
    testTimeout: 60_000,
  },
};

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    environment: 'node',
    // Three files at a time, also on two cores (Vitest's default there is one): much of the
    // PostgreSQL project's time is spent waiting on the server, so three workers keep both cores
    // busy (all four projects: 8.5 min instead of about 14 on the development machine).
    maxWorkers: 3,
    // A guard against a test that hangs, not a speed check (that is the benchmark's): generous, as
    // three workers and a database server share two cores.
    testTimeout: 60_000,
    projects: [
      ...withMockingApart({ extends: true as const, test: { name: 'Europe/London', include: ALL, pool: 'threads' as const } }),
      // A zone is per process, so these run in their own processes (forks), each with its TZ.
      ...['UTC', 'America/New_York'].map((zone) => ({
        extends: true as const,
        test: { name: zone, include: DATE_SENSITIVE, pool: 'forks' as const, env: { TZ: zone }, isolate: false },
      })),
      ...withMockingApart(postgresProject),
    ],
  },
});
