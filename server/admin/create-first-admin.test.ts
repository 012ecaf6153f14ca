import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { testDb } from '../../test/db';
import { verifyCredentials } from '../auth/verify-credentials';
import { createFirstAdmin } from './create-first-admin';

describe('createFirstAdmin', () => {
  it('creates an administrator who can sign in, with their organisation', async () => {
    const db = testDb();
    const { id } = await createFirstAdmin(db, {
      email: 'Boss@Example.nhs.uk',
      name: 'Boss',
      organisationName: 'Team',
      password: 'a long enough password',
    });
    expect(await db.select().from(users).where(eq(users.id, id)).get()).toMatchObject({ role: 'admin', email: 'boss@example.nhs.uk' });
    await expect(verifyCredentials(db, 'boss@example.nhs.uk', 'a long enough password')).resolves.toEqual({ ok: true, userId: id });
  });

  it('refuses a short password and a duplicate email, naming the problem', async () => {
    const db = testDb();
    await expect(createFirstAdmin(db, { email: 'a@b.nhs.uk', name: 'A', organisationName: 'T', password: 'short' })).rejects.toThrow(
      /at least 12 characters/,
    );
    await createFirstAdmin(db, { email: 'a@b.nhs.uk', name: 'A', organisationName: 'T', password: 'a long enough password' });
    await expect(
      createFirstAdmin(db, { email: 'a@b.nhs.uk', name: 'A', organisationName: 'T', password: 'a long enough password' }),
    ).rejects.toThrow(/already exists/);
  });

  it('refuses a long but guessable password, or one made of the administrator’s own details (#16 finding 17)', async () => {
    const db = testDb();
    const make = (password: string) =>
      createFirstAdmin(db, { email: 'boss@example.nhs.uk', name: 'Pat Boss', organisationName: 'Northgate Team', password });
    await expect(make('aaaaaaaaaaaa')).rejects.toThrow(
      'Password: repeated letters or numbers like "aaa" are easy to guess. Add another word or two.',
    );
    await expect(make('northgate team 2024')).rejects.toThrow(/must not contain your name, email address or organisation/);
    await expect(make('pat boss is in charge')).rejects.toThrow(/must not contain your name, email address or organisation/);
    expect((await db.select().from(users).all()).filter((u) => u.email === 'boss@example.nhs.uk')).toEqual([]);
    // The first administrator chose their own password at the command line: not a temporary one.
    const { id } = await make('kettle marmalade bicycle');
    expect((await db.select().from(users).where(eq(users.id, id)).get())!.mustChangePassword).toBe(false);
  });
});
