import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'Europe/London', include: ALL, pool: 'threads' } },
      // A zone is per process, so these run in their own processes (forks), each with its TZ.
      ...['UTC', 'America/New_York'].map((zone) => ({
        extends: true as const,
        test: { name: zone, include: DATE_SENSITIVE, pool: 'forks' as const, env: { TZ: zone } },
      })),
    ],
  },
});
