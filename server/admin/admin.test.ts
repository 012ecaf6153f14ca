import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, organisations, users } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { failure, makeWorld, rowCounts } from '../../test/world';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

describe('admin', () => {
  it('creates an organisation and a user, audited', async () => {
    const { id: orgId } = await w.admin.caller.admin.createOrganisation({
      name: 'New Practice',
      kind: 'gp_practice',
      navigatorTeamId: w.orgs.navTeam.id,
    });
    const { id } = await w.admin.caller.admin.createUser({
      name: 'Dr New',
      email: 'New@Example.nhs.uk',
      role: 'gp_staff',
      organisationId: orgId,
      password: 'a long enough password',
    });
    expect(await db.select().from(users).where(eq(users.id, id)).get()).toMatchObject({
      email: 'new@example.nhs.uk',
      role: 'gp_staff',
      active: true,
      // The administrator chose the password: the person must replace it at first sign-in (#16 finding 17).
      mustChangePassword: true,
    });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.userId, w.admin.row.id)).all()).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['admin.createOrganisation', 'admin.createUser']);
  });

  it('refuses a role that does not fit the organisation, a duplicate email and a short password', async () => {
    const before = await rowCounts(db);
    const wrongOrg = await failure(
      w.admin.caller.admin.createUser({
        name: 'X',
        email: 'x@example.nhs.uk',
        role: 'gp_staff',
        organisationId: w.orgs.housing.id,
        password: 'a long enough password',
      }),
    );
    expect(wrongOrg.message).toMatch(/^organisationId: Organisation: this role belongs to a gp practice/);
    const dup = await failure(
      w.admin.caller.admin.createUser({
        name: 'X',
        email: w.gp.row.email,
        role: 'gp_staff',
        organisationId: w.orgs.practice.id,
        password: 'a long enough password',
      }),
    );
    expect(dup.code).toBe('CONFLICT');
    const short = await failure(
      w.admin.caller.admin.createUser({
        name: 'X',
        email: 'y@example.nhs.uk',
        role: 'gp_staff',
        organisationId: w.orgs.practice.id,
        password: 'short',
      }),
    );
    expect(short.message).toMatch(/password: Password must be at least 12 characters/);
    // Long enough is not enough (#16 finding 17): repetition, common passwords and the person's own details are refused.
    const weak = async (password: string) =>
      (
        await failure(
          w.admin.caller.admin.createUser({
            name: 'Jo Bloggs',
            email: 'jo.bloggs@example.nhs.uk',
            role: 'gp_staff',
            organisationId: w.orgs.practice.id,
            password,
          }),
        )
      ).message;
    expect(await weak('aaaaaaaaaaaa')).toBe(
      'password: Password: repeated letters or numbers like "aaa" are easy to guess. Add another word or two.',
    );
    expect(await weak('password1234')).toMatch(/^password: Password: this is too like a common password\./);
    expect(await weak('Jo Bloggs 2024!')).toMatch(/^password: Password: it must not contain your name, email address or organisation/);
    // The organisation's name is not on the form: the use case adds it.
    const orgName = (await db.select().from(organisations).where(eq(organisations.id, w.orgs.practice.id)).get())!.name;
    expect(await weak(`${orgName} 2024!`)).toMatch(/^password: Password: it must not contain your name, email address or organisation/);
    const carer = await failure(
      w.admin.caller.admin.createUser({
        name: 'X',
        email: 'z@example.nhs.uk',
        role: 'carer' as never,
        organisationId: w.orgs.practice.id,
        password: 'a long enough password',
      }),
    );
    expect(carer.message).toMatch(/role: Choose a role/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('changes a role and deactivates, but not your own account', async () => {
    await w.admin.caller.admin.updateUser({ userId: w.navigator2.row.id, change: 'deactivate' });
    expect((await db.select().from(users).where(eq(users.id, w.navigator2.row.id)).get())!.active).toBe(false);
    await w.admin.caller.admin.updateUser({ userId: w.navigator2.row.id, change: 'reactivate' });
    const self = await failure(w.admin.caller.admin.updateUser({ userId: w.admin.row.id, change: 'deactivate' }));
    expect(self.code).toBe('BAD_REQUEST');
    const badRole = await failure(w.admin.caller.admin.updateUser({ userId: w.navigator2.row.id, change: 'role', role: 'social_worker' }));
    expect(badRole.message).toMatch(/^organisationId:/);
  });

  it('is refused to everyone but admins, and the refusal is audited', async () => {
    for (const who of [w.navigator, w.gp, w.carer]) {
      expect((await failure(who.caller.admin.users())).code).toBe('FORBIDDEN');
    }
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'admin.users')).all()).toHaveLength(3);
  });
});
