// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import drizzle from 'eslint-plugin-drizzle';

const AUDIT_WRITES = {
  group: ['**/audit/write-audit'],
  importNames: ['writeAudit', 'writeAuditGrouped'],
  message: 'Audit rows are written by the executor (server/use-cases/execute.ts): tell it through actor.access.audit.',
};

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'drizzle/**',
      'drizzle-pg/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      'public/**',
      'bench/.run/**',
      'e2e/.run/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    // Audit rows are written by the one executor (server/use-cases/execute.ts), one per decision, so no
    // use case can forget or double one. The exceptions are work outside a user's call: signing in
    // (before there is an actor), and appendEvent's and the directory import's rows when they run for
    // scheduled work or the command line (inside a call they hand their row to the executor).
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      'server/use-cases/execute.ts',
      'server/audit/**',
      'server/auth/verify-credentials.ts',
      'server/timeline/append-event.ts',
      'server/directory/import-oruk.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [AUDIT_WRITES] }],
    },
  },
  {
    // Pages and routers go through the domain layer; only server/ (outside trpc/) touches db/.
    files: ['app/**/*.{ts,tsx}', 'server/trpc/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/db/**'],
              message: 'Pages and routers must not open the database: call a use case in server/.',
              allowTypeImports: true,
            },
            AUDIT_WRITES,
          ],
        },
      ],
    },
  },
  {
    // England's time has one owner (server/calendar/england-time.ts): formatting or reading a
    // moment anywhere else would use the host's or the browser's zone, an hour off all summer.
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'db/**/*.ts'],
    ignores: ['server/calendar/england-time.ts', 'db/sqlite.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@date-fns/tz', message: 'Use server/calendar/england-time.ts.' },
            // The driver differs by Node version (db/sqlite.ts picks it); importing one directly would crash on the other.
            { name: 'better-sqlite3', message: 'Use db/sqlite.ts: it loads the SQLite driver built for this Node.' },
            {
              name: 'date-fns',
              importNames: [
                'format',
                'parse',
                'parseISO',
                'addDays',
                'startOfDay',
                'endOfDay',
                'startOfWeek',
                'differenceInYears',
                'differenceInCalendarDays',
                'isWeekend',
              ],
              message: 'These read the host’s time zone: use server/calendar/england-time.ts.',
            },
            {
              name: 'nhsuk-react-components',
              importNames: ['Table', 'TableBody', 'TableCell', 'TableHead', 'TableRow'],
              message: 'Use app/components/table.tsx: it keeps each cell’s column heading at phone width on server-rendered pages.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(toLocaleDateString|toLocaleTimeString|getTimezoneOffset)$/]',
          message: 'Dates are shown in England’s time: use server/calendar/england-time.ts.',
        },
      ],
    },
  },
  {
    // The app reads its configuration only through server/env.ts, where every variable is declared,
    // defaulted and validated: a variable read anywhere else would escape validation, the README's
    // table and the fail-fast start. Scripts, tests and the e2e harness set variables for the
    // processes they start; they are not the app reading its configuration.
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'db/**/*.ts', 'instrumentation.ts', 'proxy.ts'],
    ignores: ['server/env.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through env() from server/env.ts, where it is declared and validated.',
        },
      ],
    },
  },
  {
    // Server code logs through pino (server/log.ts): structured lines with nothing from a record in
    // them. The CLIs in db/ (`*-cli.ts`, `seed/cli.ts`) print to a person at a terminal: they keep the console.
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'db/**/*.ts', 'instrumentation.ts', 'proxy.ts'],
    ignores: ['db/**/*-cli.ts', 'db/seed/cli.ts', '**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Plain JavaScript (the scripts `npm test` and `npm run demo` run, and the config files): the
    // same checks that need no type information, with Node's globals.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
