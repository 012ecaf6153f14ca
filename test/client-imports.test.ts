import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// #18: first-load JavaScript per page ≤ 180 kB gzip. A client component ships everything it imports,
// and everything those modules import, whether or not it is called: one `formatNhsNumber` taken from
// a module that also builds a zod schema sent all of zod (29 kB gzip) to /patients, /mdt and
// /discharges/new, and a label re-exported from db/schema sent drizzle and every table (16 kB).
// These checks follow the imports of every client component in app/ and keep server-only
// libraries out of the browser, and date code out of it unless a form must work with dates there. Server actions ('use server' modules) are sent as references, not
// code, so the walk stops there; `import type` is erased and not followed.

const root = join(__dirname, '..');

/** Packages and project modules kept out of the browser (`allowedFrom`: the modules that may import one, and why). */
const KEPT_OUT: { what: RegExp; why: string; allowedFrom?: string[] }[] = [
  { what: /^zod(\/|$)/, why: 'zod (about 29 kB gzip): validation belongs in the use case' },
  { what: /^drizzle-orm(\/|$)/, why: 'drizzle: import plain values from a module without tables' },
  { what: /^@trpc\/server(\/|$)/, why: 'the tRPC server' },
  { what: /^(better-sqlite3|@node-rs\/argon2|pino)(\/|$)/, why: 'a server-only package' },
  { what: /^next-auth(\/(?!react$)|$)/, why: 'next-auth’s server (the browser’s part is next-auth/react)' },
  {
    what: /^db\/(schema\/(index|sqlite)\.ts|schema-pg\/|engine\.ts$|pg-client\.ts$)/,
    why: 'every table (drizzle): import the plain values module instead',
  },
  {
    what: /^server\/calendar\/england-time\.ts$/,
    why: 'date code (TZDate and date-fns, 7 kB gzip): format dates on the server and pass the words',
    // A typed date and time is read as England's in the browser; consent's "from" date starts at England's today.
    allowedFrom: ['app/components/moment-field.tsx', 'app/patients/[id]/consent/consent-form.tsx'],
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const directive = (text: string) => /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"](use client|use server)['"]/.exec(text)?.[1];

/** The modules a file loads at run time: imports and re-exports, leaving out type-only ones. */
function runtimeSpecifiers(text: string): string[] {
  const statements = text.match(/^(?:import|export)\b[^;]*?\bfrom\s+['"][^'"]+['"]|^import\s+['"][^'"]+['"]/gms) ?? [];
  return statements.flatMap((statement) => {
    if (/^(import|export)\s+type\b/.test(statement)) return [];
    const braces = /\{([^}]*)\}/.exec(statement);
    const onlyTypes =
      braces &&
      !/^(import|export)\s+(\*|[\w$]+\s*,)/.test(statement) &&
      braces[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    if (onlyTypes) return [];
    return [/['"]([^'"]+)['"]\s*$/.exec(statement)![1]!];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every module kept out that a client component reaches, with the chain of imports that reaches it. */
function keptOutReached(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    if (file !== entry && directive(text) === 'use server') return;
    const here = relative(root, file);
    const rule = KEPT_OUT.find((r) => r.what.test(here));
    if (rule) {
      if (!rule.allowedFrom?.includes(chain.at(-1)!)) found.push(`${[...chain, here].join(' → ')}: ${rule.why}`);
      return;
    }
    for (const specifier of runtimeSpecifiers(text)) {
      if (specifier.startsWith('.')) {
        const next = resolveLocal(file, specifier);
        if (next) visit(next, [...chain, here]);
      } else {
        const pkg = KEPT_OUT.find((r) => r.what.test(specifier));
        if (pkg) found.push(`${[...chain, here, specifier].join(' → ')}: ${pkg.why}`);
      }
    }
  };
  visit(entry, []);
  return found;
}

const clientComponents = sources(join(root, 'app')).filter((file) => directive(readFileSync(file, 'utf8')) === 'use client');

describe('client components keep server-only code and needless date code out of the browser (#18)', () => {
  it('finds the client components', () => {
    expect(clientComponents.length).toBeGreaterThan(20);
  });

  it('reads imports as the bundler does', () => {
    const text = [
      "import { a, type B } from './x';",
      "import type { C } from './types';",
      "import { type D, type E } from './only-types';",
      "export { f } from '../lib/format';",
      "import './side-effect';",
      "import G, { type H } from 'g';",
    ].join('\n');
    expect(runtimeSpecifiers(text)).toEqual(['./x', '../lib/format', './side-effect', 'g']);
  });

  for (const file of clientComponents) {
    it(`${relative(root, file)} reaches no module kept out of the browser`, () => {
      expect(keptOutReached(file)).toEqual([]);
    });
  }
});
