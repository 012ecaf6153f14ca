// The two schema trees (db/schema for SQLite, db/schema-pg for PostgreSQL) and their migration
// folders (drizzle/, drizzle-pg/) must describe the same database (issue #19). drizzle has no
// dialect-neutral schema, so this test compares them: tables, columns (name, nullability, default,
// primary key, type category), indexes (name, unique, columns or expressions, partial condition),
// foreign keys, unique constraints, the exported names, and, from the migration SQL, the
// append-only triggers and the triggers that keep the MDT signals. No database server is needed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTableName, is, SQL, type Column } from 'drizzle-orm';
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import * as sqliteSchema from './schema/sqlite';
import * as pgSchema from './schema-pg';

/** Exports of db/schema that db/schema-pg leaves out on purpose, with why. */
const SQLITE_ONLY_EXPORTS: Record<string, string> = {
  NEWEST_DECISION_FIRST: 'breaks ties by SQLite rowid, which PostgreSQL has no equivalent of',
};

type Engine = 'sqlite' | 'pg';
type TableShape = {
  columns: Map<string, string>;
  primaryKey: string;
  indexes: Map<string, string>;
  foreignKeys: string[];
  uniqueConstraints: string[];
  checks: string[];
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** SQL as text, with quoting, table qualifiers, case and spacing taken out, so both dialects' match. */
function normaliseSql(engine: Engine, fragment: SQL): string {
  const dialect = engine === 'sqlite' ? new SQLiteSyncDialect({ casing: 'snake_case' }) : new PgDialect({ casing: 'snake_case' });
  const { sql, params } = dialect.sqlToQuery(fragment);
  if (params.length > 0) throw new Error(`an index's SQL has bound parameters (${engine}): ${sql}`);
  return sql
    .replace(/[`"]\w+[`"]\./g, '')
    .replace(/[`"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function typeCategory(engine: Engine, table: string, column: Column): string {
  const t = column.columnType;
  if (t === 'SQLiteTextJson' || t === 'PgJsonb' || t === 'PgJson') return 'json';
  if (t === 'SQLiteText' || t === 'PgText' || t === 'PgVarchar') return 'text';
  if (t === 'SQLiteBoolean' || t === 'PgBoolean') return 'boolean';
  if (t === 'SQLiteInteger' || t === 'PgInteger' || t === 'PgBigInt53' || t === 'PgBigInt64' || t === 'PgSmallInt') return 'integer';
  throw new Error(`${engine} ${table}.${column.name}: column type ${t} has no category in db/schema-agreement.test.ts`);
}

function shapeOf(engine: Engine, table: SQLiteTable | PgTable): TableShape {
  const config = engine === 'sqlite' ? sqliteConfig(table as SQLiteTable) : pgConfig(table as PgTable);
  const name = config.name;
  const columnName = (c: Column) => snake(c.name);
  const columns = new Map<string, string>();
  for (const c of config.columns as Column[]) {
    columns.set(
      columnName(c),
      `${typeCategory(engine, name, c)}, ${c.notNull ? 'not null' : 'nullable'}, ${c.hasDefault ? 'has a default' : 'no default'}${c.primary ? ', primary key' : ''}${c.isUnique ? `, unique (${c.uniqueName})` : ''}`,
    );
  }
  const primaryKey = config.primaryKeys.map((pk) => (pk.columns as Column[]).map(columnName).join(', ')).join('; ');
  const indexes = new Map<string, string>();
  for (const index of config.indexes) {
    const c = index.config as { name: string; unique: boolean; columns: unknown[]; where?: SQL };
    const parts = c.columns.map((col) => (is(col, SQL) ? `(${normaliseSql(engine, col)})` : columnName(col as Column)));
    indexes.set(c.name, `${c.unique ? 'unique ' : ''}on (${parts.join(', ')})${c.where ? ` where ${normaliseSql(engine, c.where)}` : ''}`);
  }
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      return `(${(ref.columns as Column[]).map(columnName).join(', ')}) → ${getTableName(ref.foreignTable)}(${(
        ref.foreignColumns as Column[]
      )
        .map(columnName)
        .join(', ')}) on update ${fk.onUpdate ?? 'no action'} on delete ${fk.onDelete ?? 'no action'}`;
    })
    .sort();
  const uniqueConstraints = config.uniqueConstraints
    .map((u) => `${u.name ?? '(unnamed)'} (${(u.columns as Column[]).map(columnName).join(', ')})`)
    .sort();
  const checks = config.checks.map((c) => c.name).sort();
  return { columns, primaryKey, indexes, foreignKeys, uniqueConstraints, checks };
}

function tablesOf(engine: Engine, schema: Record<string, unknown>): Map<string, TableShape> {
  const tables = new Map<string, TableShape>();
  for (const value of Object.values(schema)) {
    if (engine === 'sqlite' ? is(value, SQLiteTable) : is(value, PgTable)) {
      const table = value as SQLiteTable | PgTable;
      tables.set(getTableName(table), shapeOf(engine, table));
    }
  }
  return tables;
}

function compareMaps(where: string, what: string, a: Map<string, string>, b: Map<string, string>, diffs: string[]) {
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined) diffs.push(`${where}: ${what} ${key} is only on SQLite (${value})`);
    else if (other !== value) diffs.push(`${where}: ${what} ${key} differs: SQLite ${value}; PostgreSQL ${other}`);
  }
  for (const [key, value] of b) if (!a.has(key)) diffs.push(`${where}: ${what} ${key} is only on PostgreSQL (${value})`);
}

function compareLists(where: string, what: string, a: string[], b: string[], diffs: string[]) {
  for (const x of a) if (!b.includes(x)) diffs.push(`${where}: ${what} ${x} is only on SQLite`);
  for (const x of b) if (!a.includes(x)) diffs.push(`${where}: ${what} ${x} is only on PostgreSQL`);
}

/** Every difference between the two trees, one sentence each (empty when they agree). */
function schemaDifferences(sqlite: Record<string, unknown>, pg: Record<string, unknown>): string[] {
  const diffs: string[] = [];
  const a = tablesOf('sqlite', sqlite);
  const b = tablesOf('pg', pg);
  for (const name of a.keys()) if (!b.has(name)) diffs.push(`table ${name} is only on SQLite`);
  for (const name of b.keys()) if (!a.has(name)) diffs.push(`table ${name} is only on PostgreSQL`);
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y) continue;
    compareMaps(name, 'column', x.columns, y.columns, diffs);
    if (x.primaryKey !== y.primaryKey)
      diffs.push(`${name}: composite primary key differs: SQLite (${x.primaryKey}); PostgreSQL (${y.primaryKey})`);
    compareMaps(name, 'index', x.indexes, y.indexes, diffs);
    compareLists(name, 'foreign key', x.foreignKeys, y.foreignKeys, diffs);
    compareLists(name, 'unique constraint', x.uniqueConstraints, y.uniqueConstraints, diffs);
    compareLists(name, 'check constraint', x.checks, y.checks, diffs);
  }
  return diffs;
}

// --- The migrations' triggers --------------------------------------------------------------------

type Trigger = { name: string; timing: string; event: string; columns: string; table: string; body: string };

function migrationSql(folder: string): string {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => readFileSync(`${folder}/${e.tag}.sql`, 'utf8')).join('\n');
}

/** The triggers that exist after every migration of a folder has run, in order (drops included). */
function triggersAfterMigrations(folder: string): Map<string, Trigger> {
  const text = migrationSql(folder);
  const functions = new Map<string, string>();
  for (const m of text.matchAll(/CREATE (?:OR REPLACE )?FUNCTION (\w+)\([^)]*\)[\s\S]*?\$\$([\s\S]*?)\$\$/gi)) functions.set(m[1]!, m[2]!);
  const triggers = new Map<string, Trigger>();
  const statements = text.split('--> statement-breakpoint');
  for (const statement of statements) {
    const sql = statement.replace(/^\s*--.*$/gm, '');
    const drop = /DROP TRIGGER (?:IF EXISTS )?(\w+)/i.exec(sql);
    if (drop) triggers.delete(drop[1]!);
    const create = /CREATE TRIGGER (\w+) (BEFORE|AFTER) (INSERT|UPDATE|DELETE|TRUNCATE)(?: OF ([\w, ]+?))? ON (\w+)([\s\S]*)/i.exec(sql);
    if (!create) continue;
    const [, name, timing, event, columns, table, rest] = create as unknown as string[];
    const fn = /EXECUTE (?:FUNCTION|PROCEDURE) (\w+)/i.exec(rest!);
    triggers.set(name!, {
      name: name!,
      timing: timing!.toUpperCase(),
      event: event!.toUpperCase(),
      columns: (columns ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
        .sort()
        .join(', '),
      table: table!,
      body: fn ? (functions.get(fn[1]!) ?? '') : rest!,
    });
  }
  return triggers;
}

/** Per table, the operations refused with "append-only" (SQLite's DELETE trigger also stops a whole-table delete). */
function appendOnly(triggers: Map<string, Trigger>, engine: Engine): Map<string, string> {
  const ops = new Map<string, Set<string>>();
  for (const t of triggers.values()) {
    if (t.timing !== 'BEFORE' || !t.body.includes('append-only')) continue;
    const set = ops.get(t.table) ?? new Set<string>();
    set.add(t.event);
    if (engine === 'sqlite' && t.event === 'DELETE') set.add('TRUNCATE');
    ops.set(t.table, set);
  }
  return new Map([...ops].map(([table, set]) => [table, [...set].sort().join(', ')]));
}

/** The `mdt_x = (...)` assignments in a trigger's SQL, spacing normalised. */
function mdtAssignments(body: string): string[] {
  const found: string[] = [];
  for (const m of body.matchAll(/(mdt_\w+) = \(/g)) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < body.length; end++) {
      if (body[end] === '(') depth++;
      else if (body[end] === ')' && --depth === 0) break;
    }
    found.push(body.slice(m.index, end + 1).replace(/\s+/g, ' '));
  }
  return found.sort();
}

function mdtTriggers(triggers: Map<string, Trigger>): Map<string, string> {
  const kept = new Map<string, string>();
  for (const t of triggers.values()) {
    if (!/_mdt_/.test(t.name)) continue;
    kept.set(
      t.name,
      `${t.timing} ${t.event}${t.columns ? ` OF ${t.columns}` : ''} ON ${t.table} setting ${mdtAssignments(t.body).join('; ')}`,
    );
  }
  return kept;
}

function triggerDifferences(sqliteFolder: string, pgFolder: string): string[] {
  const diffs: string[] = [];
  const a = triggersAfterMigrations(sqliteFolder);
  const b = triggersAfterMigrations(pgFolder);
  compareMaps('append-only triggers', 'table', appendOnly(a, 'sqlite'), appendOnly(b, 'pg'), diffs);
  compareMaps('MDT signal triggers', 'trigger', mdtTriggers(a), mdtTriggers(b), diffs);
  return diffs;
}

describe('the SQLite and PostgreSQL schema trees', () => {
  it('have the same tables, columns, indexes, foreign keys and constraints', () => {
    expect(schemaDifferences(sqliteSchema, pgSchema)).toEqual([]);
  });

  it('export the same names (but for those SQLite alone can have)', () => {
    const a = Object.keys(sqliteSchema).filter((k) => !(k in SQLITE_ONLY_EXPORTS));
    const b = Object.keys(pgSchema);
    expect({ onlyOnSqlite: a.filter((k) => !b.includes(k)), onlyOnPostgres: b.filter((k) => !a.includes(k)) }).toEqual({
      onlyOnSqlite: [],
      onlyOnPostgres: [],
    });
  });

  it('keep the caseload and task sort keys as the same SQL, so keyset cursors mean the same on both', () => {
    const sqliteKeys = sqliteSchema.caseloadSortKeys(sqliteSchema.patients);
    const pgKeys = pgSchema.caseloadSortKeys(pgSchema.patients);
    expect(normaliseSql('pg', pgKeys.risk)).toBe(normaliseSql('sqlite', sqliteKeys.risk));
    expect(normaliseSql('pg', pgKeys.lastContact)).toBe(normaliseSql('sqlite', sqliteKeys.lastContact));
    expect(normaliseSql('pg', pgSchema.taskDueKey(pgSchema.tasks.dueAt))).toBe(
      normaliseSql('sqlite', sqliteSchema.taskDueKey(sqliteSchema.tasks.dueAt)),
    );
  });

  it('have migrations with the same append-only and MDT signal triggers', () => {
    const diffs = triggerDifferences('drizzle', 'drizzle-pg');
    expect(diffs).toEqual([]);
    // And the comparison has something to compare.
    expect([...appendOnly(triggersAfterMigrations('drizzle-pg'), 'pg').keys()].sort()).toEqual(['audit_log', 'timeline_events']);
    expect(mdtTriggers(triggersAfterMigrations('drizzle')).size).toBe(13);
  });
});
