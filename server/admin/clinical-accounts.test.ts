import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications } from '../../db/schema';
import type { Db } from '../../db/client';
import { testDb } from '../../test/db';
import { makeWorld } from '../../test/world';

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  db = testDb();
  w = await makeWorld(db);
});

const auditOf = async (action: string) => await db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const noticesFor = async (userId: string) => await db.select().from(notifications).where(eq(notifications.userId, userId)).all();

describe('admin changes to accounts are audited and clinical accounts announced (#16 finding 5)', () => {
  it('names the new account, its role and organisation in the audit row, and tells the other administrators', async () => {
    const other = await w.addUser('admin', w.orgs.navTeam.id, 'primary', 'Admin B');
    const { id } = await w.admin.caller.admin.createUser({
      name: 'Dr New',
      email: 'new@example.nhs.uk',
      role: 'gp_staff',
      organisationId: w.orgs.practice.id,
      password: 'a long enough password',
    });
    const [row] = await auditOf('admin.createUser');
    expect(row?.userId).toBe(w.admin.row.id);
    expect(row?.reason).toContain(`user=${id}`);
    expect(row?.reason).toContain('role=gp_staff');
    expect(row?.reason).toContain(`organisation=${w.orgs.practice.id}`);
    const notices = await noticesFor(other.row.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'clinical_account' });
    // No personal or patient details in the notice: only that there is an account to review.
    expect(notices[0]?.body).not.toContain('Dr New');
    expect(await noticesFor(w.admin.row.id)).toHaveLength(0);
  });

  it('announces an administrator account too: one administrator must not be able to mint a second to approve their own changes', async () => {
    const other = await w.addUser('admin', w.orgs.navTeam.id, 'primary', 'Admin B');
    await w.admin.caller.admin.createUser({
      name: 'Admin New',
      email: 'admin-new@example.nhs.uk',
      role: 'admin',
      organisationId: w.orgs.navTeam.id,
      password: 'a long enough password',
    });
    expect((await noticesFor(other.row.id)).map((n) => n.title)).toEqual([
      'An account has been given the administrator role: please review it',
    ]);
  });

  it('records old → new for a role change and announces a raise to a clinical role', async () => {
    const other = await w.addUser('admin', w.orgs.navTeam.id, 'primary', 'Admin B');
    const target = await w.addUser('admin', w.orgs.navTeam.id, 'primary', 'Admin C');
    await w.admin.caller.admin.updateUser({ userId: target.row.id, change: 'role', role: 'navigator' });
    const [row] = await auditOf('admin.updateUser');
    expect(row?.reason).toContain(`user=${target.row.id}`);
    expect(row?.reason).toContain('role=admin→navigator');
    expect(row?.reason).toContain(`organisation=${w.orgs.navTeam.id}`);
    expect((await noticesFor(other.row.id)).filter((n) => n.kind === 'clinical_account')).toHaveLength(1);
    // The account being changed is not "another administrator" to tell.
    expect(await noticesFor(target.row.id)).toHaveLength(0);
  });

  it('records old → new active state', async () => {
    await w.admin.caller.admin.updateUser({ userId: w.gp.row.id, change: 'deactivate' });
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.updateUser'), eq(auditLog.userId, w.admin.row.id)))
      .all();
    expect(row?.reason).toContain(`user=${w.gp.row.id}`);
    expect(row?.reason).toContain('active=true→false');
    expect(row?.reason).toContain('role=gp_staff');
  });
});
