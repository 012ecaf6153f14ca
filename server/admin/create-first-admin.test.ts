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
    expect(db.select().from(users).where(eq(users.id, id)).get()).toMatchObject({ role: 'admin', email: 'boss@example.nhs.uk' });
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
});
