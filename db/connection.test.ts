import { describe, expect, it } from 'vitest';
import { databaseLabel, plainTextRemoteDatabase } from './connection';

describe('the database address', () => {
  it('is printed without a PostgreSQL password, however it is written, and never throws', () => {
    expect(databaseLabel('postgres://carenav:s3cret@db.internal:5432/carenav')).toBe('postgres://carenav:***@db.internal:5432/carenav');
    expect(databaseLabel('POSTGRESQL://carenav:s3cret@db.internal/carenav')).not.toContain('s3cret');
    expect(databaseLabel('postgres://db.internal/carenav?user=c&password=s3cret')).not.toContain('s3cret');
    expect(databaseLabel('postgres://carenav:pa/ss#word@db.internal/carenav')).not.toContain('word');
    expect(databaseLabel('file:./data/carenav.db')).toBe('file:./data/carenav.db');
  });

  it('to PostgreSQL on another machine must ask for TLS; this machine and SQLite need not', () => {
    expect(plainTextRemoteDatabase('postgres://c:p@db.internal:5432/carenav')).toBe(true);
    expect(plainTextRemoteDatabase('postgres://c:p@db.internal:5432/carenav?sslmode=prefer')).toBe(true);
    expect(plainTextRemoteDatabase('postgres://c:p@db.internal:5432/carenav?sslmode=require')).toBe(false);
    expect(plainTextRemoteDatabase('postgres://c:p@db.internal:5432/carenav?sslmode=verify-full')).toBe(false);
    expect(plainTextRemoteDatabase('postgres://c:p@db.internal/carenav?ssl=true')).toBe(false);
    expect(plainTextRemoteDatabase('postgres://postgres@127.0.0.1:5432/carenav')).toBe(false);
    expect(plainTextRemoteDatabase('postgres://postgres@localhost/carenav')).toBe(false);
    expect(plainTextRemoteDatabase('file:./data/carenav.db')).toBe(false);
  });
});
